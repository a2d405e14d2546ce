package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Extension;
import dev.smtpmock.scenario.Reply;
import dev.smtpmock.scenario.ServerSettings;
import java.util.ArrayList;
import java.util.List;

/** HELO and EHLO: greet, advertise the extensions, reset the transaction. */
final class HeloHandler implements OneStepHandler {
  private final boolean extended;

  HeloHandler(boolean extended) {
    this.extended = extended;
  }

  @Override
  public Reply check(SessionState session, Command command) {
    if (!command.hasArgument()) {
      return extended ? Replies.EHLO_SYNTAX : Replies.HELO_SYNTAX;
    }
    return null;
  }

  @Override
  public Reply answer(SessionState session, Command command) {
    ServerSettings settings = session.settings();
    if (!extended) {
      return Replies.helo(settings.hostname());
    }
    List<String> lines = new ArrayList<>();
    lines.add(settings.hostname());
    for (Extension extension : settings.extensions()) {
      String keyword = keyword(session, settings, extension);
      if (keyword != null) {
        lines.add(keyword);
      }
    }
    return Reply.parse(lines.stream().map(line -> "250 " + line).toList());
  }

  private static String keyword(
      SessionState session, ServerSettings settings, Extension extension) {
    return switch (extension) {
      case SIZE -> settings.maxMessageSize() == 0 ? "SIZE" : "SIZE " + settings.maxMessageSize();
      case AUTH -> "AUTH " + String.join(" ", settings.auth().mechanisms());
      case STARTTLS -> session.tls() || settings.tls().implicit() ? null : "STARTTLS";
      default -> extension.keyword();
    };
  }

  @Override
  public void apply(CommandContext session, Command command, Reply reply) {
    if (reply != null && reply.isPositive()) {
      session.state().endTransaction();
    }
  }
}
