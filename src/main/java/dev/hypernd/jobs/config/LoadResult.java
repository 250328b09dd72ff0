package dev.hypernd.jobs.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The outcome of loading a job file: a valid file, or every error found in it. */
public sealed interface LoadResult permits LoadResult.Valid, LoadResult.Invalid {

  /**
   * Empty for a valid file; otherwise never empty, grouped by file in the order the files were read
   * and sorted by position within each.
   */
  default List<ConfigError> errors() {
    return List.of();
  }

  /** The file loaded and passed every check. */
  record Valid(JobFile jobFile) implements LoadResult {
    public Valid {
      Objects.requireNonNull(jobFile, "jobFile");
    }
  }

  /** The file was rejected; nothing of it should be used. */
  record Invalid(List<ConfigError> errors) implements LoadResult {
    public Invalid {
      Map<Path, List<ConfigError>> byFile = new LinkedHashMap<>();
      errors.forEach(e -> byFile.computeIfAbsent(e.file(), f -> new ArrayList<>()).add(e));
      errors =
          byFile.values().stream()
              .flatMap(inFile -> inFile.stream().sorted(ConfigError.BY_POSITION))
              .toList();
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("errors must not be empty");
      }
    }

    /**
     * Whether there was nothing to read at all (a missing or unreadable file, a directory without
     * job files): then its one error, at line 0, says why.
     */
    public boolean unreadable() {
      return errors.size() == 1 && errors.get(0).line() == 0;
    }
  }
}
