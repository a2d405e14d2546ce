package dev.smtpmock.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTest {

  @Test
  void aMultiLineReplyHasItsCodeAndItsLinesJoinedByCrlf() {
    Reply reply = new Reply(List.of("250-smtpmock.test", "250 PIPELINING"));

    assertThat(reply.code()).isEqualTo(250);
    assertThat(reply.text()).isEqualTo("250-smtpmock.test\r\n250 PIPELINING");
    assertThat(reply).hasToString(reply.text());
  }

  @Test
  void onlyALineWithADashAfterTheCodeAnnouncesAnother() {
    assertThat(Reply.isLast("250-more")).isFalse();
    assertThat(Reply.isLast("250 done")).isTrue();
    assertThat(Reply.isLast("250")).isTrue();
    assertThat(Reply.isLast("")).isTrue();
  }

  @Test
  void aLineWithoutACodeHasNone() {
    assertThatThrownBy(() -> new Reply(List.of("hello")).code())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("not an SMTP reply: hello");
  }
}
