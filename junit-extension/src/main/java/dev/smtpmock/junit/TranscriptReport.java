package dev.smtpmock.junit;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.SmtpSession;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Shows a failed test's SMTP sessions where the developer looks: the report entry (IDEs, the XML
 * reports), a file (Jupiter 5.12+), and standard output, which Surefire keeps per test.
 */
final class TranscriptReport {
  static final String KEY = "smtpmock.transcript";
  static final String FILE_NAME = "smtpmock-transcript.txt";

  private TranscriptReport() {}

  static void publish(ExtensionContext context, SmtpMockServer server) {
    String text = render(server);
    context.publishReportEntry(KEY, text);
    ReportFiles.publish(context, FILE_NAME, text);
    System.out.println(
        "smtpmock: transcript of the failed " + context.getDisplayName() + "\n" + text);
  }

  static String render(SmtpMockServer server) {
    List<SmtpSession> sessions = server.sessions();
    String header = server + ", " + sessions.size() + " session(s)";
    if (sessions.isEmpty()) {
      return header + ": no SMTP session was opened";
    }
    // Multi-line replies hold CRLFs; one line ending keeps reports and consoles readable.
    return sessions.stream()
        .map(s -> s.toString().replace("\r\n", "\n"))
        .collect(Collectors.joining("\n\n", header + "\n", ""));
  }
}
