package dev.hypernd.jobs.config;

import dev.hypernd.engine.OverlapPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One job with the defaults applied. Equality is by value over every field, so a reload can tell an
 * unchanged job (keeps its next fire and running tasks) from a changed one.
 *
 * @param env the defaults' env overlaid by the job's own, in file order
 * @param workdir absolute; relative paths in the file are resolved against the file's directory
 * @param catchUp after downtime, fire once for the fires that were missed
 * @param output whether a command job's lines are logged ({@code LOG} for a class job)
 */
public record JobConfig(
    String name,
    Schedule schedule,
    Action action,
    RetryConfig retry,
    Optional<Duration> timeout,
    OverlapPolicy overlap,
    Map<String, String> env,
    Optional<Path> workdir,
    Hooks hooks,
    boolean catchUp,
    OutputMode output) {

  public JobConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(overlap, "overlap");
    Objects.requireNonNull(workdir, "workdir");
    Objects.requireNonNull(hooks, "hooks");
    Objects.requireNonNull(output, "output");
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    if (!JobNames.isValid(name)) {
      throw new IllegalArgumentException("name (\"" + name + "\") " + JobNames.RULE);
    }
  }
}
