package dev.smtpmock.internal.rules;

/**
 * Watches one message's data for {@code after-bytes} rules (SPEC 2.6). For such a rule the message
 * is one occurrence when its threshold is reached (then its matchers are tested), or at the end of
 * the data if that comes first (then it is counted without firing).
 */
public final class AfterBytesWatch {
  private final ConnectionRules connection;
  private final Occurrence message;
  private final int[] byThreshold;
  private int reached;

  AfterBytesWatch(ConnectionRules connection, Occurrence message, int[] byThreshold) {
    this.connection = connection;
    this.message = message;
    this.byThreshold = byThreshold;
  }

  /**
   * The wire bytes of the data so far, cumulative. Counts an occurrence for each rule whose
   * threshold this total reaches, in increasing threshold order (ties in source order), and returns
   * the first that fires, or null. Rules past the one that fires stay pending.
   */
  public Match onBytes(long totalWireBytes) {
    while (reached < byThreshold.length && threshold(reached) <= totalWireBytes) {
      int i = byThreshold[reached++];
      if (connection.count(i, message, connection.now()) && connection.fires(i, message)) {
        return new Match(connection.rule(i), i);
      }
    }
    return null;
  }

  /**
   * The next threshold the data has not reached yet, or -1: the data is read up to it, so that a
   * rule strikes at its exact byte.
   */
  public long nextThreshold() {
    return reached < byThreshold.length ? threshold(reached) : -1;
  }

  /** The message occurrence the after-bytes rules see. */
  public Occurrence occurrence() {
    return message;
  }

  /** The data ended: rules whose threshold was not reached count one occurrence, without firing. */
  public void onEnd() {
    long now = connection.now();
    while (reached < byThreshold.length) {
      connection.count(byThreshold[reached++], message, now);
    }
  }

  private long threshold(int position) {
    return connection.rule(byThreshold[position]).matching().afterBytes();
  }
}
