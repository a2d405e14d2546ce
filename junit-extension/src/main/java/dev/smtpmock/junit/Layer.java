package dev.smtpmock.junit;

import dev.smtpmock.junit.SmtpMock.Lifecycle;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What one source of configuration — the builder, a class's or a method's {@link SmtpMock} — says.
 * A {@code null}, 0 or empty attribute says nothing, so that the layer beneath it shows through
 * (SPEC 5: "Other attributes left at their defaults come from the class").
 *
 * @param scenario null when the layer gives neither {@code scenario} nor {@code yaml}
 * @param lifecycle null when left at the default
 * @param origin names the layer in error messages
 */
record Layer(
    ScenarioSpec scenario,
    Lifecycle lifecycle,
    int port,
    String hostProperty,
    String portProperty,
    String origin) {

  /** Reads an annotation found on {@code element}, a test class or method. */
  static Layer of(SmtpMock annotation, AnnotatedElement element) {
    String origin = "@SmtpMock on " + describe(element);
    return new Layer(
        scenario(annotation, element, origin),
        annotation.lifecycle() == Lifecycle.PER_METHOD ? null : annotation.lifecycle(),
        port(annotation.port(), origin),
        annotation.hostProperty(),
        annotation.portProperty(),
        origin);
  }

  private static ScenarioSpec scenario(
      SmtpMock annotation, AnnotatedElement element, String where) {
    boolean reference = !annotation.scenario().isBlank();
    boolean yaml = !annotation.yaml().isBlank();
    if (reference && yaml) {
      throw new ExtensionConfigurationException(
          where + " gives both scenario and yaml: use one of them");
    }
    if (reference) {
      return new ScenarioSpec.Reference(
          annotation.scenario().strip(),
          "@SmtpMock(scenario = \""
              + annotation.scenario().strip()
              + "\") on "
              + describe(element));
    }
    if (yaml) {
      return new ScenarioSpec.Yaml(
          annotation.yaml(), sourceName(element), "@SmtpMock(yaml) on " + describe(element));
    }
    return null;
  }

  static int port(int port, String origin) {
    if (port < 0 || port > 65535) {
      throw new ExtensionConfigurationException(origin + ": port " + port + " is out of range");
    }
    return port;
  }

  /** {@code class MailerTest} or {@code method MailerTest.reportsOutage()}, for messages. */
  static String describe(AnnotatedElement element) {
    if (element instanceof Class<?> type) {
      return "class " + type.getName();
    }
    if (element instanceof Method method) {
      return "method " + method.getDeclaringClass().getName() + "." + method.getName() + "()";
    }
    return String.valueOf(element);
  }

  /** Problems in inline YAML read {@code MailerTest.reportsOutage:2:5: error: …}. */
  private static String sourceName(AnnotatedElement element) {
    if (element instanceof Class<?> type) {
      return type.getSimpleName();
    }
    if (element instanceof Method method) {
      return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
    return "inline";
  }
}
