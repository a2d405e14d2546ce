package dev.smtpmock.internal.rules;

import dev.smtpmock.scenario.Rule;

/**
 * A rule that fired on an occurrence.
 *
 * @param index the rule's 0-based position in the merged rule list
 */
public record Match(Rule rule, int index) {}
