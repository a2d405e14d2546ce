package dev.smtpmock.internal.protocol;

import dev.smtpmock.scenario.ServerSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AUTH exchange (RFC 4954) for PLAIN, LOGIN, CRAM-MD5 or XOAUTH2. With no users configured any
 * credentials pass; otherwise they must match a user's password.
 */
final class SaslExchange {

  /** What the exchange asks for next. */
  sealed interface Step {}

  /** Send {@code 334 <challenge>} and read a response line. */
  record Challenge(String base64) implements Step {}

  /** The exchange is complete: the credentials passed or not. */
  record Done(String user, boolean passed) implements Step {}

  /** The response was not valid base64 or not what the mechanism expects. */
  record Undecodable() implements Step {}

  private static final String USERNAME = b64("Username:");
  private static final String PASSWORD = b64("Password:");

  private final String mechanism;
  private final Map<String, String> users;
  private final String challenge;
  private String loginUser;

  private SaslExchange(String mechanism, Map<String, String> users, String challenge) {
    this.mechanism = mechanism;
    this.users = users;
    this.challenge = challenge;
  }

  /** An exchange for one of the configured mechanisms, or null for an unknown one. */
  static SaslExchange of(String mechanism, ServerSettings settings, String nonce) {
    String upper = mechanism.toUpperCase(Locale.ROOT);
    if (!settings.auth().mechanisms().contains(upper)) {
      return null;
    }
    String challenge = "<" + nonce + "@" + settings.hostname() + ">";
    return new SaslExchange(upper, settings.auth().users(), challenge);
  }

  String mechanism() {
    return mechanism;
  }

  /** The first step, with the initial response of the AUTH line if there was one. */
  Step begin(String initialResponse) {
    if (initialResponse == null) {
      return switch (mechanism) {
        case "LOGIN" -> new Challenge(USERNAME);
        case "CRAM-MD5" -> new Challenge(b64(challenge));
        default -> new Challenge("");
      };
    }
    if (mechanism.equals("CRAM-MD5")) {
      return new Undecodable();
    }
    return respond(initialResponse);
  }

  /** The next step after a response line (base64; {@code =} is empty). */
  Step respond(String line) {
    byte[] decoded;
    try {
      decoded = line.equals("=") ? new byte[0] : Base64.getDecoder().decode(line.strip());
    } catch (IllegalArgumentException notBase64) {
      return new Undecodable();
    }
    String text = new String(decoded, StandardCharsets.UTF_8);
    return switch (mechanism) {
      case "PLAIN" -> plain(text);
      case "LOGIN" -> login(text);
      case "CRAM-MD5" -> cramMd5(text);
      case "XOAUTH2" -> xoauth2(text);
      default -> new Undecodable();
    };
  }

  private Step plain(String text) {
    String[] parts = text.split("\0", -1);
    if (parts.length != 3) {
      return new Undecodable();
    }
    return check(parts[1], parts[2]);
  }

  private Step login(String text) {
    if (loginUser == null) {
      loginUser = text;
      return new Challenge(PASSWORD);
    }
    return check(loginUser, text);
  }

  private Step cramMd5(String text) {
    int space = text.lastIndexOf(' ');
    if (space <= 0) {
      return new Undecodable();
    }
    String user = text.substring(0, space);
    String digest = text.substring(space + 1);
    if (users.isEmpty()) {
      return new Done(user, true);
    }
    String password = users.get(user);
    return new Done(user, password != null && digest.equalsIgnoreCase(hmacMd5(password)));
  }

  private Step xoauth2(String text) {
    String user = null;
    String token = null;
    for (String field : text.split("\u0001")) {
      if (field.startsWith("user=")) {
        user = field.substring(5);
      } else if (field.regionMatches(true, 0, "auth=Bearer ", 0, 12)) {
        token = field.substring(12);
      }
    }
    if (user == null || token == null) {
      return new Undecodable();
    }
    return check(user, token);
  }

  private Step check(String user, String password) {
    boolean passed = users.isEmpty() || password.equals(users.get(user));
    return new Done(user, passed);
  }

  private String hmacMd5(String password) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
      return HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacMD5 is missing from this JRE", e);
    }
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }
}
