package dev.hypernd.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A task as it stands: its state and, once it has run, its outcome (design §4 result fields).
 *
 * @param taskId {@code sched-N}
 * @param taskName the job's name
 * @param state the current state
 * @param result the return value of the successful attempt, else {@code null}
 * @param error the error of the last failed attempt, or why the task was cancelled; else {@code
 *     null}
 * @param attempts attempts made so far (0 until the first attempt starts)
 * @param durationMs how long the last attempt ran, in milliseconds; for a RUNNING task, how long
 *     the running attempt has run so far (0 before the first attempt)
 * @param scheduledAt when the task was (or is) due
 * @param startedAt when the last attempt started, or {@code null}
 * @param finishedAt when the task reached a final state, or {@code null}
 * @param nextAttemptAt when a RETRYING or delayed PENDING task runs next, or {@code null}
 * @param args the positional arguments given at submission
 */
public record TaskResult(
    String taskId,
    String taskName,
    TaskState state,
    Object result,
    TaskError error,
    int attempts,
    long durationMs,
    Instant scheduledAt,
    Instant startedAt,
    Instant finishedAt,
    Instant nextAttemptAt,
    List<Object> args) {

  public TaskResult {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(taskName, "taskName");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(scheduledAt, "scheduledAt");
    args = args == null ? List.of() : List.copyOf(args);
  }

  /** The N of {@code sched-N}. */
  public long sequenceNumber() {
    return TaskIds.parse(taskId);
  }
}
