package dev.hypernd.jobs.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated job file.
 *
 * @param source the path the file was loaded from, as given
 * @param classpath absolute jars and directories searched for class jobs after the daemon's own
 *     classpath
 * @param metrics the {@code metrics:} block; {@link MetricsConfig#NONE} when absent
 * @param jobs in file order; names are unique
 */
public record JobFile(
    Path source,
    Defaults defaults,
    List<Path> classpath,
    MetricsConfig metrics,
    List<JobConfig> jobs) {
  public JobFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(defaults, "defaults");
    Objects.requireNonNull(metrics, "metrics");
    classpath = List.copyOf(classpath);
    jobs = List.copyOf(jobs);
  }

  /** A file without a {@code metrics:} block. */
  public JobFile(Path source, Defaults defaults, List<Path> classpath, List<JobConfig> jobs) {
    this(source, defaults, classpath, MetricsConfig.NONE, jobs);
  }

  /** The job with this name, if any. */
  public Optional<JobConfig> job(String name) {
    return jobs.stream().filter(job -> job.name().equals(name)).findFirst();
  }
}
