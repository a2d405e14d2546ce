package dev.smtpmock.internal.protocol;

import dev.smtpmock.SmtpSession.RuleRef;
import dev.smtpmock.internal.store.Transcript;
import dev.smtpmock.scenario.Reply;
import java.nio.charset.StandardCharsets;

/**
 * Writes one session's replies and records them in its transcript. A client that writes without
 * reading gets its reading suspended while its replies pile up, so that memory stays bounded (SPEC
 * 7).
 */
final class ReplyWriter {
  /** Past this many bytes queued for writing, reading stops until the client catches up. */
  static final int WRITE_HIGH_WATER = 64 * 1024;

  private final Channel channel;
  private final Transcript transcript;
  private final boolean enhancedCodes;
  private boolean blocked;
  private String lastWritten;

  ReplyWriter(Channel channel, Transcript transcript, boolean enhancedCodes) {
    this.channel = channel;
    this.transcript = transcript;
    this.enhancedCodes = enhancedCodes;
  }

  /** Default replies lose their enhanced codes when ENHANCEDSTATUSCODES is not advertised. */
  byte[] render(Reply builtIn) {
    Reply shown = enhancedCodes ? builtIn : builtIn.withoutEnhancedCode();
    return shown.render().getBytes(StandardCharsets.UTF_8);
  }

  /** A reply of the server's own; {@code ref} names the rule that left it to the default. */
  void builtIn(Reply reply, RuleRef ref) {
    write(render(reply), ref);
  }

  void write(byte[] bytes, RuleRef ref) {
    record(bytes, ref);
    channel.write(bytes);
    long scheduled = channel.scheduledWriteBytes();
    transcript.queuedForWriting(scheduled);
    if (scheduled > WRITE_HIGH_WATER && !blocked) {
      blocked = true;
      channel.suspendRead();
    }
  }

  /** Records a reply that is then written a byte at a time with {@link #writeByte}. */
  void record(byte[] bytes, RuleRef ref) {
    lastWritten = text(bytes);
    transcript.server(lastWritten, ref);
  }

  void writeByte(byte b) {
    channel.write(new byte[] {b});
  }

  /** True while reading is suspended because the client does not read its replies. */
  boolean blocked() {
    return blocked;
  }

  /** Resumes reading once the client has caught up; true if it was suspended until now. */
  boolean unblock() {
    if (blocked && channel.scheduledWriteBytes() <= WRITE_HIGH_WATER / 2) {
      blocked = false;
      channel.resumeRead();
      return true;
    }
    return false;
  }

  /** The text of the last reply handed to the transport. */
  String lastWritten() {
    return lastWritten;
  }

  private static String text(byte[] bytes) {
    int n = bytes.length;
    boolean crlf = n >= 2 && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
    return new String(bytes, 0, crlf ? n - 2 : n, StandardCharsets.UTF_8);
  }
}
