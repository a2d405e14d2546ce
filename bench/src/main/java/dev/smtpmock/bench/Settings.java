package dev.smtpmock.bench;

import java.nio.file.Path;

/** Where things are: the JVM, our classpath, the runner jar, the work folder. */
public record Settings(String java, String classpath, Path runnerJar, Path work) {
  public static Settings of(Path runnerJar, Path work) {
    return new Settings(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        System.getProperty("java.class.path"),
        runnerJar.toAbsolutePath().normalize(),
        work.toAbsolutePath().normalize());
  }
}
