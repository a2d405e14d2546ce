package dev.smtpmock.runner;

/**
 * Tells the admin API that something happened on the SMTP side (a transcript line, and with it
 * possibly a stored message), so that long polls answer at once instead of on their next tick.
 */
final class MessageEvents {
  private volatile Runnable listener = () -> {};

  /** Called on the server's I/O threads: must only signal, never work or block. */
  void changed() {
    listener.run();
  }

  void listener(Runnable listener) {
    this.listener = listener;
  }
}
