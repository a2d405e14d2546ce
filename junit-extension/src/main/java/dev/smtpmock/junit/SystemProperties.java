package dev.smtpmock.junit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * System properties set for as long as a server runs, and put back as they were when the store that
 * holds this closes, whether or not the test passed.
 */
final class SystemProperties implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  /** Name to the value before, null where the property was unset; in the order they were set. */
  private final Map<String, String> previous;

  private SystemProperties(Map<String, String> previous) {
    this.previous = Collections.unmodifiableMap(previous);
  }

  /** Sets each property whose name is not empty. */
  static SystemProperties set(Map<String, String> values) {
    Map<String, String> previous = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          if (!name.isEmpty()) {
            if (!previous.containsKey(name)) {
              previous.put(name, System.getProperty(name));
            }
            System.setProperty(name, value);
          }
        });
    return new SystemProperties(previous);
  }

  static SystemProperties hostAndPort(
      String hostProperty, String host, String portProperty, int port) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(hostProperty, host);
    values.put(portProperty, String.valueOf(port));
    return set(values);
  }

  @Override
  public void close() {
    List<String> names = new ArrayList<>(previous.keySet());
    Collections.reverse(names);
    for (String name : names) {
      String value = previous.get(name);
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    }
  }
}
