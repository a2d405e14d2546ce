package dev.smtpmock.junit;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import dev.smtpmock.assertions.SmtpMockAssertionError;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Shows a failed test's SMTP sessions where the developer looks: the report entry (IDEs, the XML
 * reports), a file (Jupiter 5.12+), and standard output, which Surefire keeps per test. Standard
 * output leaves out the transcripts the failure's own message already quotes, so that the console
 * shows each once.
 */
final class TranscriptReport {
  static final String KEY = "smtpmock.transcript";
  static final String FILE_NAME = "smtpmock-transcript.txt";

  private TranscriptReport() {}

  static void publish(ExtensionContext context, SmtpMockServer server) {
    List<SmtpSession> sessions = server.sessions();
    String text = render(server, sessions);
    context.publishReportEntry(KEY, text);
    ReportFiles.publish(context, FILE_NAME, text);
    List<String> quoted = quotedSessions(context);
    List<SmtpSession> unquoted = sessions.stream().filter(s -> !quoted.contains(s.id())).toList();
    if (quoted.isEmpty() || !unquoted.isEmpty()) {
      System.out.println(
          "smtpmock: transcript of the failed "
              + context.getDisplayName()
              + "\n"
              + render(server, unquoted));
    }
  }

  private static String render(SmtpMockServer server, List<SmtpSession> sessions) {
    String header = server + ", " + sessions.size() + " session(s)";
    if (sessions.isEmpty()) {
      return header + ": no SMTP session was opened";
    }
    // Multi-line replies hold CRLFs; one line ending keeps reports and consoles readable.
    return sessions.stream()
        .map(s -> s.toString().replace("\r\n", "\n"))
        .collect(Collectors.joining("\n\n", header + "\n", ""));
  }

  private static List<String> quotedSessions(ExtensionContext context) {
    return context
        .getExecutionException()
        .filter(SmtpMockAssertionError.class::isInstance)
        .map(e -> ((SmtpMockAssertionError) e).quotedSessions())
        .orElse(List.of());
  }
}
