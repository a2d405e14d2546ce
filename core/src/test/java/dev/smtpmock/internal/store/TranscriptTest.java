package dev.smtpmock.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpSession;
import dev.smtpmock.SmtpSession.Direction;
import dev.smtpmock.SmtpSession.Line;
import dev.smtpmock.SmtpSession.RuleRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {

  @Test
  void snapshotsGiveBackEveryLineAsItWasHeard() {
    List<Line> heard = new ArrayList<>();
    Transcript transcript =
        new Transcript(
            "S000001",
            1,
            "127.0.0.1:40000",
            (session, line) -> {
              assertThat(session).isEqualTo("S000001");
              heard.add(line);
            });
    RuleRef rule = new RuleRef("greylist", "scenario.yaml", 3, 5);
    transcript.server("", null);
    transcript.client("");
    for (int i = 0; i < 40; i++) {
      transcript.client("RCPT TO:<r" + i + "@exämple.com>");
      transcript.server("250 2.1.5 Ok", i == 25 ? rule : null);
    }

    List<Line> lines = transcript.snapshot().lines();

    assertThat(lines).containsExactlyElementsOf(heard);
    assertThat(lines).hasSize(82);
    assertThat(lines.get(0).direction()).isEqualTo(Direction.SERVER);
    assertThat(lines.get(1).direction()).isEqualTo(Direction.CLIENT);
    assertThat(lines.get(53))
        .extracting(Line::direction, Line::rule)
        .containsExactly(Direction.SERVER, rule);
    assertThat(lines.get(0).at()).isBeforeOrEqualTo(lines.get(81).at());
  }

  @Test
  void aSessionHasNoEndTimeUntilItEnds() {
    Transcript transcript = new Transcript("S000002", 2, "127.0.0.1:40001", (session, line) -> {});
    assertThat(transcript.snapshot().endedAt()).isNull();

    transcript.end(SmtpSession.End.QUIT);

    SmtpSession ended = transcript.snapshot();
    assertThat(ended.endedAt()).isAfterOrEqualTo(ended.startedAt());
  }

  @Test
  void theFirstEndIsKeptAndHeardOnce() {
    List<String> ends = new ArrayList<>();
    Transcript transcript =
        new Transcript(
            "S000003",
            3,
            "127.0.0.1:40002",
            new Transcript.Listener() {
              @Override
              public void line(String session, Line line) {}

              @Override
              public void ended(String session, SmtpSession.End end) {
                ends.add(session + " " + end);
              }
            });

    transcript.end(SmtpSession.End.QUIT);
    transcript.end(SmtpSession.End.CLIENT_CLOSED);

    assertThat(ends).containsExactly("S000003 QUIT");
    assertThat(transcript.snapshot().end()).isEqualTo(SmtpSession.End.QUIT);
  }

  @Test
  void aSessionKeepsAtMostAMegabyteOfTextAndSaysSoWhileListenersHearEverything() {
    List<Line> heard = new ArrayList<>();
    Transcript transcript =
        new Transcript("S000004", 4, "127.0.0.1:40003", (session, line) -> heard.add(line));
    String command = "VRFY " + "y".repeat(2041);
    int sent = 2 * Transcript.MAX_TEXT_BYTES / command.length();
    for (int i = 0; i < sent; i++) {
      transcript.client(command);
    }

    List<Line> kept = transcript.snapshot().lines();
    assertThat(heard).hasSize(sent);
    assertThat(kept).hasSizeLessThan(sent);
    assertThat(kept.get(kept.size() - 1).text()).isEqualTo(Transcript.FULL_NOTE);
    assertThat(kept.stream().mapToInt(l -> l.text().length()).sum())
        .isLessThanOrEqualTo(Transcript.MAX_TEXT_BYTES);
  }
}
