package dev.smtpmock.scenario;

/**
 * One problem found while loading a scenario, at a 1-based position in its source.
 *
 * @param source the file name or source name given to the loader
 * @param line 1-based line, 0 when the problem has no position (e.g. a builder-made scenario)
 * @param column 1-based column, 0 when unknown
 * @param severity error or warning
 * @param message what is wrong, and the fix where one is known
 */
public record ScenarioProblem(
    String source, int line, int column, Severity severity, String message) {

  /**
   * How bad a problem is: errors stop the load, warnings are kept in {@link Scenario#warnings()}.
   */
  public enum Severity {
    ERROR,
    WARNING;
  }

  /** The compiler-style form {@code SOURCE:LINE:COLUMN: error: message}. */
  @Override
  public String toString() {
    String where = line > 0 ? source + ":" + line + ":" + column : source;
    return where + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
  }
}
