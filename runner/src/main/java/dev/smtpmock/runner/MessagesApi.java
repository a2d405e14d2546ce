package dev.smtpmock.runner;

import com.sun.net.httpserver.HttpExchange;
import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.assertions.MimeView;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;

/**
 * {@code /api/messages}: the list (with filters, paging and long poll), one message, its bytes and
 * its decoded parts.
 */
final class MessagesApi {
  private final SmtpMockServer smtp;
  private final LongPoll longPoll;

  MessagesApi(SmtpMockServer smtp, LongPoll longPoll) {
    this.smtp = smtp;
    this.longPoll = longPoll;
  }

  void register(Router router) {
    router
        .get("/api/messages", MessageQuery.PARAMETERS, (exchange, path) -> list(exchange))
        .get("/api/messages/([^/]+)", (exchange, path) -> one(exchange, path))
        .get("/api/messages/([^/]+)/raw", (exchange, path) -> raw(exchange, path))
        .get("/api/messages/([^/]+)/parts", (exchange, path) -> parts(exchange, path));
  }

  private void list(HttpExchange exchange) throws IOException {
    MessageQuery query = MessageQuery.parse(Http.query(exchange));
    if (query.waitFor().isZero() || query.satisfied(smtp.allMessages())) {
      answer(exchange, query, false);
      return;
    }
    long deadline = System.nanoTime() + query.waitFor().toNanos();
    boolean parked =
        longPoll.park(
            new LongPoll.Waiter() {
              @Override
              public boolean ready(List<ReceivedMessage> messages) {
                return query.satisfied(messages);
              }

              @Override
              public void answer(boolean timedOut) {
                try {
                  MessagesApi.this.answer(exchange, query, timedOut);
                } catch (IOException | RuntimeException e) {
                  exchange.close(); // the client gave up waiting; nobody to tell
                }
              }

              @Override
              public long deadline() {
                return deadline;
              }
            });
    if (!parked) {
      throw new HttpError(503, "too many long polls waiting; try again");
    }
  }

  /** A long poll's answer says whether its wait ran out: its count may still be unmet. */
  private void answer(HttpExchange exchange, MessageQuery query, boolean timedOut)
      throws IOException {
    List<ReceivedMessage> matching = query.matching(smtp.allMessages());
    List<Json.Message> page =
        query.page().select(exchange, matching).stream().map(Json.Message::of).toList();
    if (!query.waitFor().isZero()) {
      exchange.getResponseHeaders().set("X-Wait-Timed-Out", Boolean.toString(timedOut));
    }
    Http.json(exchange, 200, page);
  }

  private void one(HttpExchange exchange, Matcher path) throws IOException {
    Http.json(exchange, 200, Json.Message.of(find(path.group(1))));
  }

  private void raw(HttpExchange exchange, Matcher path) throws IOException {
    Http.send(exchange, 200, "message/rfc822", find(path.group(1)).data());
  }

  private void parts(HttpExchange exchange, Matcher path) throws IOException {
    MimeView mail = MimeView.of(find(path.group(1)).data());
    Http.json(exchange, 200, mail.parts().stream().map(Json.Part::of).toList());
  }

  private ReceivedMessage find(String id) {
    return smtp.allMessages().stream()
        .filter(m -> m.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new HttpError(404, "no message with id " + id));
  }
}
