package dev.smtpmock.scenario;

import java.util.Map;

/**
 * A block of the {@code server} settings, or the whole of them: the keys it was given, which it
 * renders and is compared by. The subclasses answer each key with its default.
 */
abstract class SettingsBlock {
  final Given given;

  SettingsBlock(Given given) {
    this.given = given;
  }

  /**
   * The keys that were set explicitly, in the order of SPEC 2.1, with their values (a nested block
   * as the map of its own keys); for rendering.
   */
  public Map<String, Object> explicitValues() {
    return given.values();
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && given.equals(((SettingsBlock) o).given);
  }

  @Override
  public int hashCode() {
    return given.hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + given;
  }
}
