package dev.hypernd.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What survives a restart about a job's schedule.
 *
 * @param jobName the job
 * @param lastFire the due time of the last fire that created a task, or {@code null}
 * @param nextFire the due time of the next planned fire, or {@code null}
 * @param paused whether fires are suspended
 */
public record JobState(String jobName, Instant lastFire, Instant nextFire, boolean paused) {
  public JobState {
    Objects.requireNonNull(jobName, "jobName");
  }
}
