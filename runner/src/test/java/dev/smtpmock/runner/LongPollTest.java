package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/messages?wait=…&count=…: answers when enough mail is there, or when time is up. */
class LongPollTest {
  private AdminClient admin;

  @BeforeEach
  void start() {
    admin = new AdminClient("rules: []\n");
  }

  @AfterEach
  void stop() {
    admin.close();
  }

  @Test
  void answersAsSoonAsEnoughMessagesArrive() throws Exception {
    CompletableFuture<HttpResponse<String>> waiting = getAsync("/api/messages?wait=20s&count=2");
    stillWaiting(List.of(waiting));
    send("one");
    send("two");
    long started = System.nanoTime();
    HttpResponse<String> response = waiting.get(5, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Total-Count")).hasValue("2");
    assertThat(AdminClient.json(response)).hasSize(2);
  }

  @Test
  void answersWithWhatThereIsWhenTheWaitEnds() {
    send("only one");
    long started = System.nanoTime();
    HttpResponse<String> response = admin.get("/api/messages?wait=400ms&count=3");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(AdminClient.json(response)).hasSize(1);
  }

  @Test
  void answersAtOnceWhenEnoughAreThereAlready() {
    send("early");
    long started = System.nanoTime();
    HttpResponse<String> response = admin.get("/api/messages?wait=30s&count=1");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(AdminClient.json(response)).hasSize(1);
  }

  @Test
  void xWaitTimedOutSaysWhetherTheWaitRanOut() throws Exception {
    String timedOut = "X-Wait-Timed-Out";
    assertThat(admin.get("/api/messages?wait=300ms&count=1").headers().firstValue(timedOut))
        .hasValue("true");

    CompletableFuture<HttpResponse<String>> waiting = getAsync("/api/messages?wait=20s&count=1");
    stillWaiting(List.of(waiting));
    send("in time");
    assertThat(waiting.get(5, TimeUnit.SECONDS).headers().firstValue(timedOut)).hasValue("false");
    assertThat(admin.get("/api/messages?wait=20s&count=1").headers().firstValue(timedOut))
        .hasValue("false");

    assertThat(admin.get("/api/messages").headers().firstValue(timedOut)).isEmpty();
  }

  @Test
  void countsOnlyMessagesThatMatchTheFilters() throws Exception {
    CompletableFuture<HttpResponse<String>> waiting =
        getAsync("/api/messages?wait=20s&count=1&subject=wanted");
    send("other");
    stillWaiting(List.of(waiting));
    send("the wanted one");
    assertThat(AdminClient.json(waiting.get(5, TimeUnit.SECONDS)).get(0).get("subject").asText())
        .isEqualTo("the wanted one");
  }

  @Test
  void manyWaitingClientsDoNotStarveOtherRequests() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> waiting =
        IntStream.range(0, 40).mapToObj(i -> getAsync("/api/messages?wait=20s&count=1")).toList();
    stillWaiting(waiting);
    long started = System.nanoTime();
    assertThat(admin.get("/health").statusCode()).isEqualTo(200);
    assertThat(admin.get("/api/stats").statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(waiting).noneMatch(CompletableFuture::isDone);

    send("wake up");
    for (CompletableFuture<HttpResponse<String>> w : waiting) {
      assertThat(AdminClient.json(w.get(5, TimeUnit.SECONDS))).hasSize(1);
    }
  }

  @Test
  void waitingClientsAreAnsweredWhenTheRunnerStops() throws Exception {
    CompletableFuture<HttpResponse<String>> waiting = getAsync("/api/messages?wait=60s&count=1");
    stillWaiting(List.of(waiting));
    admin.close();
    HttpResponse<String> response = waiting.get(5, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(AdminClient.json(response)).isEmpty();
    assertThat(response.headers().firstValue("X-Wait-Timed-Out")).hasValue("false");
  }

  private CompletableFuture<HttpResponse<String>> getAsync(String path) {
    return admin
        .http()
        .sendAsync(admin.request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private void send(String subject) {
    Mails.send(admin.smtpPort(), "a@a.test", List.of("b@b.test"), subject, "x");
  }

  /** The requests stay parked: unanswered for a while, so that the server holds them. */
  private static void stillWaiting(List<? extends CompletableFuture<?>> requests) {
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> requests.stream().noneMatch(CompletableFuture::isDone));
  }
}
