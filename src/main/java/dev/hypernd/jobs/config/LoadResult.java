package dev.hypernd.jobs.config;

import java.util.List;
import java.util.Objects;

/** The outcome of loading a job file: a valid file, or every error found in it. */
public sealed interface LoadResult permits LoadResult.Valid, LoadResult.Invalid {

  /** Empty for a valid file; otherwise sorted by position and never empty. */
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
      errors = errors.stream().sorted(ConfigError.BY_POSITION).toList();
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("errors must not be empty");
      }
    }
  }
}
