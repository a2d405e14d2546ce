package dev.smtpmock.internal.protocol;

/** A message whose data has ended (or was cut off) and which awaits its final reply. */
record PendingMessage(String id, byte[] data, long size, boolean truncated) {}
