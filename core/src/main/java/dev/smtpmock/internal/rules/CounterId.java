package dev.smtpmock.internal.rules;

/**
 * Names the counter of a rule with a {@code key} within one scope: the rule and its key value.
 *
 * @param keyValue for one key, its value; for several, the list of their values. A value may be
 *     null: a missing sender is a key value of its own
 */
record CounterId(int rule, Object keyValue) {}
