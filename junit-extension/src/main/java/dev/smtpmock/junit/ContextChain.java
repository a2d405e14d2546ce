package dev.smtpmock.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Walks from a context up to the engine. */
final class ContextChain {
  private ContextChain() {}

  /**
   * The class-level contexts above (and including) {@code context}, innermost first: the test
   * class, then each enclosing class of a {@code @Nested} one. A class seen twice in a row (a class
   * template and its invocation) is kept once, the inner context.
   */
  static List<ExtensionContext> classContexts(ExtensionContext context) {
    List<ExtensionContext> classes = new ArrayList<>();
    Class<?> previous = null;
    for (Optional<ExtensionContext> c = Optional.of(context);
        c.isPresent();
        c = c.get().getParent()) {
      Optional<Class<?>> type =
          c.get().getElement().filter(Class.class::isInstance).map(e -> (Class<?>) e);
      if (type.isPresent() && type.get() != previous) {
        classes.add(c.get());
        previous = type.get();
      }
    }
    return classes;
  }
}
