package dev.smtpmock.internal.message;

import java.util.List;

/**
 * Lazy read-only view of message data for the {@code header}, {@code body} and {@code min-size}
 * matchers.
 */
public interface MessageView {
  /** The data size, unstuffed. */
  long size();

  /** Every occurrence of the header, name case-insensitive, values unfolded, not decoded. */
  List<String> headerValues(String name);

  /** The data after the first blank line, decoded as UTF-8 with replacement. */
  String body();
}
