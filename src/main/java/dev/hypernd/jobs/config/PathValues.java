package dev.hypernd.jobs.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * File-system paths in a job file. A relative path is relative to the job file's directory, not to
 * the daemon's working directory, so that a file means the same wherever the daemon starts.
 */
final class PathValues {
  private PathValues() {}

  /** An existing directory, such as a job's {@code workdir}. */
  static Optional<Path> directory(Cursor value, Path baseDir) {
    return resolve(value, baseDir)
        .filter(
            path -> {
              if (Files.isDirectory(path)) {
                return true;
              }
              value.error(
                  (Files.exists(path) ? "is not a directory: " : "no such directory: ") + path);
              return false;
            });
  }

  /** The {@code classpath:} list: existing directories and jar files. */
  static Optional<List<Path>> classpath(Cursor value, Path baseDir) {
    Optional<List<Cursor>> items =
        value.list("expected a list of jars and directories such as [/opt/myjobs/lib/jobs.jar]");
    if (items.isEmpty()) {
      return Optional.empty();
    }
    List<Path> entries = new ArrayList<>();
    boolean allValid = true;
    for (Cursor item : items.get()) {
      Optional<Path> entry = resolve(item, baseDir).filter(path -> isClasspathEntry(item, path));
      entry.ifPresent(entries::add);
      allValid &= entry.isPresent();
    }
    return allValid ? Optional.of(entries) : Optional.empty();
  }

  private static boolean isClasspathEntry(Cursor item, Path path) {
    if (Files.isDirectory(path)) {
      return true;
    }
    if (!Files.exists(path)) {
      item.error("no such jar or directory: " + path);
      return false;
    }
    try (JarFile ignored = new JarFile(path.toFile())) {
      return true;
    } catch (IOException | SecurityException e) {
      item.error("not a directory or a readable jar file: " + path + " (" + e.getMessage() + ")");
      return false;
    }
  }

  private static Optional<Path> resolve(Cursor value, Path baseDir) {
    return value
        .text("expected a path")
        .flatMap(
            text -> {
              if (text.isBlank()) {
                value.error("expected a path, found an empty string");
                return Optional.empty();
              }
              try {
                return Optional.of(baseDir.resolve(Path.of(text)).normalize());
              } catch (InvalidPathException e) {
                value.error("not a valid path: " + e.getMessage());
                return Optional.empty();
              }
            });
  }
}
