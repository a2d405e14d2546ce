package dev.smtpmock.runner;

import java.net.BindException;

/**
 * A port {@code run} cannot listen on, said in words: {@code cannot listen on 127.0.0.1:2525 for
 * SMTP: address already in use}, where MINA would say only "Error while binding on …".
 */
final class ListenFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param host the address as the ready line shows it
   * @param what what the port is for: {@code SMTP}, {@code the admin API}
   */
  ListenFailure(String host, int port, String what, Throwable cause) {
    super("cannot listen on " + host + ":" + port + " for " + what + ": " + reason(cause), cause);
  }

  /** The socket's own words ("Address already in use"), found under any wrapping. */
  private static String reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String words = t.getMessage();
      if (t instanceof BindException && words != null && !words.isEmpty()) {
        return Character.toLowerCase(words.charAt(0)) + words.substring(1);
      }
    }
    return String.valueOf(failure.getMessage());
  }
}
