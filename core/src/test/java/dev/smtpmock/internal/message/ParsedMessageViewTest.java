package dev.smtpmock.internal.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParsedMessageViewTest {
  private static ParsedMessageView view(String data) {
    return new ParsedMessageView(data.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void foldedValuesAreUnfoldedKeepingTheWhitespace() {
    ParsedMessageView view = view("Subject: one\r\n\ttwo\r\n three\r\n\r\nbody");

    assertThat(view.headerValues("SUBJECT")).containsExactly("one\ttwo three");
  }

  @Test
  void bareLineFeedsAreToleratedLikeCrlf() {
    ParsedMessageView view = view("To: a@example.org\nSubject: hi\n\nline 1\nline 2\n");

    assertThat(view.headerValues("to")).containsExactly("a@example.org");
    assertThat(view.headerValues("subject")).containsExactly("hi");
    assertThat(view.body()).isEqualTo("line 1\nline 2\n");
  }

  @Test
  void everyOccurrenceOfAHeaderIsKeptInOrder() {
    ParsedMessageView view = view("Received: a\r\nReceived: b\r\n\r\n");

    assertThat(view.headerValues("received")).containsExactly("a", "b");
    assertThat(view.headerValues("missing")).isEmpty();
  }

  @Test
  void dataWithoutABlankLineIsAllHeadersAndHasNoBody() {
    ParsedMessageView view = view("Subject: only\r\n");

    assertThat(view.headerValues("subject")).containsExactly("only");
    assertThat(view.body()).isEmpty();
  }

  @Test
  void dataStartingWithABlankLineIsAllBody() {
    ParsedMessageView view = view("\r\nSubject: not a header\r\n");

    assertThat(view.headerValues("subject")).isEmpty();
    assertThat(view.body()).isEqualTo("Subject: not a header\r\n");
  }

  @Test
  void malformedUtf8IsReplacedNotRejected() {
    byte[] data = {'X', ':', ' ', (byte) 0xFF, '\r', '\n', '\r', '\n', (byte) 0xC3, 'a'};
    ParsedMessageView view = new ParsedMessageView(data);

    assertThat(view.headerValues("x")).containsExactly("\uFFFD");
    assertThat(view.body()).isEqualTo("\uFFFDa");
    assertThat(view.size()).isEqualTo(10);
  }

  @Test
  void theValueIsNotDecoded() {
    ParsedMessageView view = view("Subject: =?UTF-8?Q?caf=C3=A9?=\r\n\r\n");

    assertThat(view.headerValues("subject")).containsExactly("=?UTF-8?Q?caf=C3=A9?=");
  }
}
