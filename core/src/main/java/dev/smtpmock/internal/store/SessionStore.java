package dev.smtpmock.internal.store;

import dev.smtpmock.SmtpSession;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The transcripts of the sessions, oldest first, within the store's session bound. */
public final class SessionStore {
  private final Deque<Transcript> transcripts = new ArrayDeque<>();
  private long maxSessions;
  private long evicted;

  public SessionStore(long maxSessions) {
    this.maxSessions = maxSessions;
  }

  public synchronized void bound(long maxSessions) {
    this.maxSessions = maxSessions;
  }

  public synchronized void add(Transcript transcript) {
    transcripts.addLast(transcript);
    while (transcripts.size() > maxSessions) {
      transcripts.removeFirst();
      evicted++;
    }
  }

  public synchronized List<SmtpSession> snapshots() {
    return transcripts.stream().map(Transcript::snapshot).toList();
  }

  /** The highest high-water mark of queued write bytes among the sessions held. */
  public synchronized long highWaterWriteBytes() {
    return transcripts.stream().mapToLong(Transcript::highWaterWriteBytes).max().orElse(0);
  }

  public synchronized long evictedCount() {
    return evicted;
  }

  /** The store holds these transcripts alone, oldest first; evictions are counted afresh. */
  public synchronized void replaceWith(List<Transcript> kept) {
    transcripts.clear();
    transcripts.addAll(kept);
    evicted = 0;
  }
}
