package dev.smtpmock.internal.rules;

/**
 * How often a rule has fired since its engine was made.
 *
 * @param label the rule's name, or {@code rule N} (1-based) for an unnamed rule
 */
public record RuleFired(String label, long fired) {}
