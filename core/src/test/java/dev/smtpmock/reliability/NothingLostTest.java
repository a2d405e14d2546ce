package dev.smtpmock.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpMockStats;
import dev.smtpmock.reliability.LoadGenerator.Outcome;
import dev.smtpmock.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing lost, nothing duplicated, in order (SPEC 4.3, 7): concurrent pipelining sessions send
 * numbered messages to a scenario that refuses a seeded-random tenth of them at the end of the data
 * and defers some recipients; the store holds exactly the messages the clients were told were
 * queued, once each, each session's in the order of its 2xx replies, and a bounded store counts
 * every message it evicts.
 */
class NothingLostTest {
  private static final int SESSIONS = 20;

  private static Scenario scenario(long maxMessages) {
    return Scenario.parse(
        """
        scenario: nothing-lost
        server:
          seed: 20240601
          store: {max-messages: %d, max-bytes: 1GB, max-sessions: 100}
        rules:
          - name: unlucky message
            when: message
            probability: 0.1
            reply: 554 5.7.1 Message rejected as spam
          - name: deferred recipient
            when: rcpt
            match: "<maybe-"
            probability: 0.3
            reply: "450 4.2.0 <{recipient}>: Recipient address rejected: try again later"
        """
            .formatted(maxMessages),
        "nothing-lost.yaml");
  }

  @Test
  void everyMessageAnswered2xxIsStoredOnceInTheOrderOfItsReply() throws Exception {
    runAndCheckAll(250, Duration.ofSeconds(30));
  }

  @Test
  void aSmallStoreKeepsTheNewestAndCountsEveryEviction() throws Exception {
    int maxMessages = 300;
    try (SmtpMockServer smtp = SmtpMockServer.start(scenario(maxMessages))) {
      List<List<Outcome>> sessions =
          new LoadGenerator(smtp.port(), SESSIONS, 250, Duration.ofSeconds(30)).run();
      Tally tally = new Tally(sessions);
      SmtpMockStats stats = smtp.stats();
      List<ReceivedMessage> retained = smtp.allMessages();

      assertThat(stats.accepted()).isEqualTo(tally.accepted.size());
      assertThat(stats.rejected()).isEqualTo(tally.rejected);
      assertThat(stats.incomplete()).isZero();
      // accepted and rejected alike are either still held or counted as evicted
      assertThat(retained).hasSize(maxMessages);
      assertThat(stats.accepted() + stats.rejected())
          .isEqualTo(retained.size() + stats.evictedMessages());
      // the oldest went first: what is held is the last maxMessages stored
      long stored = stats.accepted() + stats.rejected();
      assertThat(retained)
          .extracting(ReceivedMessage::sequence)
          .containsExactlyElementsOf(
              LongStream.rangeClosed(stored - maxMessages + 1, stored).boxed().toList());
      // each held accepted message was answered 2xx, once, and in its session's order
      List<ReceivedMessage> held = smtp.messages();
      List<Integer> heldSeqs = held.stream().map(NothingLostTest::seq).toList();
      assertThat(heldSeqs).doesNotHaveDuplicates();
      assertThat(tally.accepted.keySet()).containsAll(heldSeqs);
      for (int s = 0; s < SESSIONS; s++) {
        List<Integer> told = tally.acceptedInOrder.get(s);
        List<Integer> kept = inStoreOrder(held, s);
        assertThat(kept).as("session %d", s).hasSizeLessThanOrEqualTo(told.size());
        assertThat(told.subList(told.size() - kept.size(), told.size()))
            .as("session %d: the newest of its accepted messages, in reply order", s)
            .isEqualTo(kept);
      }
    }
  }

  @Test
  @Tag("soak")
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void twoHundredThousandMessagesAreStoredOnceInOrder() throws Exception {
    runAndCheckAll(10_000, Duration.ofMinutes(25));
  }

  /** Runs the load against a store big enough for all of it and checks every message. */
  private static void runAndCheckAll(int perSession, Duration limit) throws Exception {
    try (SmtpMockServer smtp = SmtpMockServer.start(scenario(SESSIONS * perSession + 1))) {
      List<List<Outcome>> sessions =
          new LoadGenerator(smtp.port(), SESSIONS, perSession, limit).run();
      Tally tally = new Tally(sessions);
      SmtpMockStats stats = smtp.stats();
      List<ReceivedMessage> stored = smtp.messages();

      // the scenario did what it is for: refusals at the message, deferrals, refused DATA
      int ended = tally.accepted.size() + tally.rejected;
      assertThat(tally.rejected).isBetween(ended / 20, ended / 6);
      assertThat(tally.deferredRecipients).isPositive();
      assertThat(tally.dataRefused).isPositive();

      assertThat(stats.accepted()).isEqualTo(tally.accepted.size());
      assertThat(stats.rejected()).isEqualTo(tally.rejected);
      assertThat(stats.incomplete()).isZero();
      assertThat(stats.evictedMessages()).isZero();

      // exactly the messages answered 2xx, once each
      List<Integer> seqs = stored.stream().map(NothingLostTest::seq).toList();
      assertThat(seqs).doesNotHaveDuplicates();
      assertThat(new HashSet<>(seqs)).isEqualTo(tally.accepted.keySet());
      // with the reply each was given, in store order, each session in its reply order
      for (ReceivedMessage m : stored) {
        assertThat(m.reply()).isEqualTo(tally.accepted.get(seq(m)));
      }
      assertThat(stored).extracting(ReceivedMessage::sequence).isSorted();
      Map<String, Integer> sessionOf = new HashMap<>();
      for (ReceivedMessage m : stored) {
        Integer previous = sessionOf.putIfAbsent(m.sessionId(), session(m));
        assertThat(previous == null || previous == session(m))
            .as("session %s carries one load session", m.sessionId())
            .isTrue();
      }
      for (int s = 0; s < SESSIONS; s++) {
        assertThat(inStoreOrder(stored, s))
            .as("session %d", s)
            .containsExactlyElementsOf(tally.acceptedInOrder.get(s));
      }
    }
  }

  private static List<Integer> inStoreOrder(List<ReceivedMessage> messages, int session) {
    return messages.stream().filter(m -> session(m) == session).map(NothingLostTest::seq).toList();
  }

  private static int seq(ReceivedMessage m) {
    return Integer.parseInt(m.header("X-Seq").strip());
  }

  private static int session(ReceivedMessage m) {
    return Integer.parseInt(m.header("X-Session").strip());
  }

  /** What the clients were told. */
  private static final class Tally {
    /** Accepted messages by number, with the reply to their end of data. */
    final Map<Integer, String> accepted = new HashMap<>();

    final Map<Integer, List<Integer>> acceptedInOrder = new HashMap<>();
    int rejected;
    int deferredRecipients;
    int dataRefused;

    Tally(List<List<Outcome>> sessions) {
      Set<Integer> seen = new HashSet<>();
      for (int s = 0; s < sessions.size(); s++) {
        List<Integer> order = new ArrayList<>();
        for (Outcome o : sessions.get(s)) {
          assertThat(seen.add(o.seq())).as("message %d reported once", o.seq()).isTrue();
          deferredRecipients += (int) o.replies().stream().filter(r -> r.startsWith("450")).count();
          if (o.accepted()) {
            accepted.put(o.seq(), o.finalReply());
            order.add(o.seq());
          } else if (o.rejected()) {
            rejected++;
          } else {
            dataRefused++;
          }
        }
        acceptedInOrder.put(s, order);
      }
    }
  }
}
