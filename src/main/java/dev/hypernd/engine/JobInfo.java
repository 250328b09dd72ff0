package dev.hypernd.engine;

import java.time.Instant;

/**
 * A job as the scheduler sees it now.
 *
 * @param definition the current definition
 * @param paused whether fires are suspended
 * @param nextFire the due time of the next fire, or {@code null} (on-demand, paused past, none)
 * @param lastFire the due time of the last fire that created a task, or {@code null}
 * @param running how many of its tasks are running
 */
public record JobInfo(
    JobDefinition definition, boolean paused, Instant nextFire, Instant lastFire, int running) {
  public String name() {
    return definition.name();
  }
}
