package dev.smtpmock.runner;

/** The exit codes of SPEC 6. */
final class ExitCodes {
  static final int OK = 0;
  static final int INVALID = 1;
  static final int USAGE = 2;

  /** 128 + SIGTERM, also used for Ctrl-C so that scripts see one code for "stopped". */
  static final int STOPPED = 143;

  private ExitCodes() {}
}
