package dev.hypernd.control;

import java.time.Instant;
import java.util.Objects;

/**
 * A job as {@code jobs} and {@code status} report it.
 *
 * @param name the job's name
 * @param schedule how people read its schedule: {@code every 30s}, {@code 0 3 * * * UTC}, {@code on
 *     demand}
 * @param paused whether fires are suspended
 * @param nextFire the next fire, or {@code null}
 * @param lastFire the due time of the last fire that created a task, or {@code null}
 * @param running how many of its tasks are running
 * @param lastTaskId its newest task, or {@code null}
 * @param lastState that task's state ({@code COMPLETED}, ...), or {@code null}
 * @param lastDurationMs how long that task's last attempt ran, or {@code null} before one ended
 * @param overlap {@code skip}, {@code allow}, {@code queue} or {@code replace}
 * @param timeoutMs the per-attempt timeout, or {@code null} for none
 * @param maxRetries retries after the first attempt
 */
public record JobView(
    String name,
    String schedule,
    boolean paused,
    Instant nextFire,
    Instant lastFire,
    int running,
    String lastTaskId,
    String lastState,
    Long lastDurationMs,
    String overlap,
    Long timeoutMs,
    int maxRetries) {
  public JobView {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(overlap, "overlap");
  }
}
