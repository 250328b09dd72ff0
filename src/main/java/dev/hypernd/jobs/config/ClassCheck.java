package dev.hypernd.jobs.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Checks that a class job's class can be loaded and run. See {@link ClasspathClassCheck}. */
@FunctionalInterface
public interface ClassCheck {
  /**
   * @param classpath the file's {@code classpath:} entries, absolute and existing
   * @return empty if the class is usable as a job, else why not
   */
  Optional<String> check(String className, List<Path> classpath);
}
