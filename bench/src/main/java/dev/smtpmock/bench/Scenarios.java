package dev.smtpmock.bench;

/** The scenarios the benchmarks run smtpmock with. */
public final class Scenarios {
  /** The recipient whose RCPT the delay rule slows down. */
  public static final String DELAYED_RECIPIENT = "delay-probe@bench.test";

  private Scenarios() {}

  /**
   * 200 rules, none of which fires on the benchmark's traffic, so every command is checked against
   * all rules whose event it is and then gets the default reply. A fifth each: a regex on RCPT, a
   * regex on MAIL and RCPT, a regex on any command, a per-recipient counter on RCPT (no regex), a
   * header regex on the message.
   */
  public static String rules200() {
    StringBuilder y = new StringBuilder("scenario: rules200\nrules:\n");
    for (int i = 0; i < 200; i++) {
      y.append("  - name: r").append(i).append('\n');
      switch (i % 5) {
        case 0 ->
            y.append("    when: rcpt\n")
                .append("    match: '^TO:<blocked-")
                .append(i)
                .append("-[a-z0-9.]+@example\\.invalid>'\n")
                .append("    reply: 550 5.1.1 Recipient blocked by rule ")
                .append(i)
                .append('\n');
        case 1 ->
            y.append("    when: [mail, rcpt]\n")
                .append("    match: '<[^>]*spam")
                .append(i)
                .append("[^>]*>'\n")
                .append("    reply: 554 5.7.1 Spam by rule ")
                .append(i)
                .append('\n');
        case 2 ->
            y.append("    when: any\n")
                .append("    match: '^XRULE")
                .append(i)
                .append("\\b'\n")
                .append("    reply: 502 5.5.2 Not here ")
                .append(i)
                .append('\n');
        case 3 ->
            y.append("    when: rcpt\n")
                .append("    per: server\n")
                .append("    key: [recipient]\n")
                .append("    after: 100000000\n")
                .append("    reply: 452 4.2.2 Mailbox full ")
                .append(i)
                .append('\n');
        default ->
            y.append("    when: message\n")
                .append("    header: { Subject: '^never-")
                .append(i)
                .append("$' }\n")
                .append("    reply: 554 5.6.0 Bad subject ")
                .append(i)
                .append('\n');
      }
    }
    return y.toString();
  }

  /** One rule: the RCPT of {@link #DELAYED_RECIPIENT} gets the default reply 100 ms late. */
  public static String delay100ms() {
    return "scenario: delay100ms\n"
        + "rules:\n"
        + "  - name: slow-rcpt\n"
        + "    when: rcpt\n"
        + "    match: '<"
        + DELAYED_RECIPIENT.replace(".", "\\.")
        + ">'\n"
        + "    delay: 100ms\n";
  }
}
