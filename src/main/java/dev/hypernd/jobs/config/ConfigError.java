package dev.hypernd.jobs.config;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem in a job file.
 *
 * @param line 1-based; 0 when the file could not be read at all
 * @param column 1-based; 0 together with line 0
 * @param keyPath where in the document, e.g. {@code jobs[2] (nightly-cleanup).retry.backoff}:
 *     dot-separated keys, 0-based list indexes in brackets, and after a job's index its name in
 *     parentheses once the name is known; empty for the document as a whole
 */
public record ConfigError(Path file, int line, int column, String keyPath, String message) {

  /** File order: by line, then column. */
  public static final Comparator<ConfigError> BY_POSITION =
      Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column);

  public ConfigError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(keyPath, "keyPath");
    Objects.requireNonNull(message, "message");
  }

  /** As a compiler prints it: {@code jobs.yaml:12:5: jobs[2].retry.backoff: expected …}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder().append(file);
    if (line > 0) {
      out.append(':').append(line).append(':').append(column);
    }
    out.append(": ");
    if (!keyPath.isEmpty()) {
      out.append(keyPath).append(": ");
    }
    return out.append(message).toString();
  }
}
