package dev.smtpmock.junit;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * {@code ExtensionContext.publishFile} where the running Jupiter has it (5.12+). The extension is
 * compiled against 5.10, so it is found and called by reflection.
 */
final class ReportFiles {
  private ReportFiles() {}

  static void publish(ExtensionContext context, String fileName, String text) {
    Optional<Method> publishFile = publishFile();
    if (publishFile.isEmpty()) {
      return;
    }
    Method method = publishFile.get();
    ThrowingConsumer<Path> writer = path -> Files.writeString(path, text, StandardCharsets.UTF_8);
    try {
      Object mediaType = method.getParameterTypes()[1].getField("TEXT_PLAIN_UTF_8").get(null);
      method.invoke(context, fileName, mediaType, writer);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // The file is an extra: the report entry and standard output already carry the transcript,
      // and a launcher without an output directory (or a publishFile of another shape) must not
      // add a second failure to the test's own.
    }
  }

  /**
   * 5.12 takes {@code org.junit.jupiter.api.extension.MediaType}; 5.14 and 6 add an overload with
   * {@code org.junit.jupiter.api.MediaType} and deprecate the first. The newer one is preferred.
   */
  private static Optional<Method> publishFile() {
    return Arrays.stream(ExtensionContext.class.getMethods())
        .filter(m -> m.getName().equals("publishFile") && m.getParameterCount() == 3)
        .filter(m -> m.getParameterTypes()[0] == String.class)
        .filter(m -> m.getParameterTypes()[2] == ThrowingConsumer.class)
        .min(
            Comparator.comparing(
                (Method m) ->
                    !m.getParameterTypes()[1].getName().equals("org.junit.jupiter.api.MediaType")));
  }
}
