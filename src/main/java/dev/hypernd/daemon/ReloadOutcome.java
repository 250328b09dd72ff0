package dev.hypernd.daemon;

import dev.hypernd.jobs.ReloadDiff;
import dev.hypernd.jobs.config.ConfigError;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What a load of the job file did: applied with a diff, or rejected with every error. */
public sealed interface ReloadOutcome {

  /** The job file that was read. */
  Path file();

  /** When the load finished. */
  Instant at();

  /** How long reading, validating and applying the file took. */
  long durationMs();

  /** Whether this is the first load, made as the daemon was built; a reload never is. */
  default boolean initial() {
    return false;
  }

  /** Every error of a rejected file, in file order; empty when the file was applied. */
  default List<ConfigError> errors() {
    return List.of();
  }

  /**
   * The file was valid and is running now.
   *
   * @param jobs how many jobs it has
   */
  record Loaded(Path file, Instant at, long durationMs, ReloadDiff diff, int jobs, boolean initial)
      implements ReloadOutcome {
    public Loaded {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(diff, "diff");
    }
  }

  /** The file was invalid; the previous configuration keeps running unchanged. */
  record Rejected(Path file, Instant at, long durationMs, List<ConfigError> errors)
      implements ReloadOutcome {
    public Rejected {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(at, "at");
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("a rejected load has at least one error");
      }
    }
  }
}
