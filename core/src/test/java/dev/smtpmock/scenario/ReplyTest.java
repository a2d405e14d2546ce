package dev.smtpmock.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTest {

  @Test
  void aCodeAloneGoesOnTheWireWithoutATrailingSpace() {
    assertThat(Reply.parse("250").render()).isEqualTo("250\r\n");
    assertThat(Reply.parse(List.of("252")).render()).isEqualTo("252\r\n");
  }

  @Test
  void anEmptyAuthChallengeKeepsItsSpace() {
    assertThat(Reply.parse("334").render()).isEqualTo("334 \r\n");
  }

  @Test
  void anEnhancedCodeWithoutTextIsTheLineText() {
    assertThat(Reply.parse("214 2.0.0").render()).isEqualTo("214 2.0.0\r\n");
  }

  @Test
  void everyLineButTheLastCarriesAHyphen() {
    Reply reply = Reply.parse(List.of("250 2.1.0 first", "second"));

    assertThat(reply.render()).isEqualTo("250-2.1.0 first\r\n250 2.1.0 second\r\n");
  }

  @Test
  void aCodeAloneIsWrittenBackAsItWasWritten() {
    assertThat(Reply.parse("421").toLines()).containsExactly("421");
    assertThat(Reply.parse("250 2.0.0 Ok").toLines()).containsExactly("250 2.0.0 Ok");
  }
}
