package dev.smtpmock.internal.rules;

import java.util.List;

/**
 * Names a counter within one scope: the rule and its key values. The values may hold nulls (a
 * missing sender is a key value of its own), so they are kept in a list that allows them.
 */
record CounterId(int rule, List<String> keyValues) {}
