package dev.smtpmock.scenario;

/** Where a rule's occurrences are counted (SPEC 2.3). */
public enum Scope {
  CONNECTION,
  TRANSACTION,
  SERVER;
}
