package dev.smtpmock.runner;

/** Stops a running runner on SIGTERM or Ctrl-C and exits with 143 once both ports are closed. */
final class ShutdownOnSignal {
  private ShutdownOnSignal() {}

  static void install(Runner runner) {
    Thread hook =
        new Thread(
            () -> {
              runner.close();
              System.out.flush();
              System.err.flush();
              // Ctrl-C would otherwise end the JVM with 130; SPEC 6 wants 143 for both signals.
              // halt, not exit: exit from a shutdown hook blocks forever.
              Runtime.getRuntime().halt(ExitCodes.STOPPED);
            },
            "smtpmock-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }
}
