package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.Reply;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * The DSN parameters of RFC 3461 ({@code RET}, {@code ENVID} on MAIL; {@code NOTIFY}, {@code ORCPT}
 * on RCPT), checked as Postfix 3.7's smtpd checks them: a bad value, or the parameter given twice,
 * gets its {@code 501 5.5.4} (SPEC 3).
 */
final class DsnParameters {
  private static final Set<String> NOTIFY_VALUES = Set.of("NEVER", "SUCCESS", "FAILURE", "DELAY");

  private DsnParameters() {}

  /**
   * The refusal of a DSN parameter given with a value, or null; {@code repeated} when the command
   * gave it before.
   */
  static Reply check(Address.Parameter parameter, boolean repeated) {
    String value = parameter.value();
    return switch (parameter.key()) {
      case "RET" -> repeated || !value.matches("(?i)FULL|HDRS") ? Replies.BAD_RET : null;
      case "ENVID" -> repeated || !isEnvid(value) ? Replies.BAD_ENVID : null;
      case "NOTIFY" -> repeated || !isNotify(value) ? Replies.BAD_NOTIFY : null;
      case "ORCPT" -> repeated || !isOrcpt(value) ? Replies.BAD_ORCPT : null;
      default -> throw new IllegalArgumentException(parameter.key());
    };
  }

  /** Non-empty xtext whose decoded text is printable ASCII, spaces included. */
  private static boolean isEnvid(String value) {
    String decoded = xtextDecoded(value);
    return decoded != null
        && !decoded.isEmpty()
        && decoded.chars().allMatch(c -> c >= 32 && c < 127);
  }

  /** A comma list of NEVER, SUCCESS, FAILURE, DELAY, with NEVER only alone; empty items skipped. */
  private static boolean isNotify(String value) {
    boolean never = false;
    boolean other = false;
    for (String item : value.split(",")) {
      if (item.isEmpty()) {
        continue;
      }
      String name = item.toUpperCase(Locale.ROOT);
      if (!NOTIFY_VALUES.contains(name)) {
        return false;
      }
      never |= name.equals("NEVER");
      other |= !name.equals("NEVER");
    }
    return never != other;
  }

  /** {@code type;xtext} with a non-empty type; the address may be empty, as Postfix allows. */
  private static boolean isOrcpt(String value) {
    int semicolon = value.indexOf(';');
    return semicolon > 0 && xtextDecoded(value.substring(semicolon + 1)) != null;
  }

  /** RFC 3461 xtext: {@code +} and two hex digits stand for one character; null when malformed. */
  private static String xtextDecoded(String xtext) {
    StringBuilder decoded = new StringBuilder(xtext.length());
    for (int i = 0; i < xtext.length(); i++) {
      char c = xtext.charAt(i);
      if (c == '+') {
        int hi = hexDigit(xtext, i + 1);
        int lo = hexDigit(xtext, i + 2);
        if (hi < 0 || lo < 0) {
          return null;
        }
        c = (char) (hi * 16 + lo);
        i += 2;
      }
      decoded.append(c);
    }
    return decoded.toString();
  }

  private static int hexDigit(String text, int index) {
    return index < text.length() && HexFormat.isHexDigit(text.charAt(index))
        ? HexFormat.fromHexDigit(text.charAt(index))
        : -1;
  }
}
