package dev.smtpmock.junit;

import dev.smtpmock.ReceivedMessage;
import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.assertions.CapturedMail;
import dev.smtpmock.assertions.CapturedMessage;
import dev.smtpmock.assertions.CapturedSession;
import java.time.Instant;
import java.util.List;

/**
 * Core's messages, sessions and server as smtpmock-assertions reads them. Adapters, because core
 * depends on nothing of ours (SPEC 1); each keeps the original's {@code toString()}, which failures
 * quote.
 */
final class CoreViews {
  private CoreViews() {}

  record Message(ReceivedMessage message) implements CapturedMessage {
    @Override
    public String id() {
      return message.id();
    }

    @Override
    public String sessionId() {
      return message.sessionId();
    }

    @Override
    public Enum<?> status() {
      return message.status();
    }

    @Override
    public String reply() {
      return message.reply();
    }

    @Override
    public String sender() {
      return message.sender();
    }

    @Override
    public List<String> recipientAddresses() {
      return message.recipientAddresses();
    }

    @Override
    public List<Outcome> recipientOutcomes() {
      return message.recipients().stream()
          .map(r -> new Outcome(r.address(), r.status(), r.reply()))
          .toList();
    }

    @Override
    public byte[] data() {
      return message.data();
    }

    @Override
    public List<String> headerValues(String name) {
      return message.headerValues(name);
    }

    @Override
    public String subject() {
      return message.subject();
    }

    @Override
    public String toString() {
      return message.toString();
    }
  }

  record Session(SmtpSession session) implements CapturedSession {
    @Override
    public String id() {
      return session.id();
    }

    @Override
    public Instant startedAt() {
      return session.startedAt();
    }

    @Override
    public Enum<?> end() {
      return session.end();
    }

    @Override
    public List<TranscriptLine> lines() {
      return session.lines().stream().map(TranscriptLine::new).toList();
    }

    @Override
    public String toString() {
      return session.toString();
    }
  }

  record TranscriptLine(SmtpSession.Line line) implements CapturedSession.Line {
    @Override
    public Instant at() {
      return line.at();
    }

    @Override
    public boolean fromClient() {
      return line.direction() == SmtpSession.Direction.CLIENT;
    }

    @Override
    public String text() {
      return line.text();
    }
  }

  record Mail(SmtpMockServer server) implements CapturedMail {
    @Override
    public List<Session> sessions() {
      return server.sessions().stream().map(Session::new).toList();
    }

    @Override
    public List<Message> messages() {
      return server.messages().stream().map(Message::new).toList();
    }

    @Override
    public String toString() {
      return server.toString();
    }
  }
}
