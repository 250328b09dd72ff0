package dev.hypernd.engine;

import java.time.Instant;
import java.util.List;

/**
 * One lifecycle event of a task (design §5). Fields that do not apply to a type are {@code null}
 * (or 0 / false for primitives).
 *
 * @param type what happened
 * @param at when it happened (wall clock)
 * @param job the job's name
 * @param taskId the task's id; {@code null} for {@link Type#SKIPPED} fires that created no task
 * @param attempt the attempt number the event is about (0 before the first attempt)
 * @param scheduledAt when the task was due
 * @param startedAt when the attempt started ({@code STARTED} and later)
 * @param latenessMs start minus due time, on the monotonic clock ({@code STARTED})
 * @param durationMs how long the attempt ran ({@code COMPLETED}, {@code ERROR}, {@code FAILED})
 * @param error the attempt's error ({@code ERROR}, {@code FAILED}, {@code CANCELLED}, {@code
 *     SKIPPED}: why)
 * @param willRetry whether another attempt follows ({@code ERROR})
 * @param retryInMs the delay before it ({@code ERROR} with {@code willRetry})
 * @param result the return value ({@code COMPLETED})
 * @param args the task's arguments
 */
public record TaskEvent(
    Type type,
    Instant at,
    String job,
    String taskId,
    int attempt,
    Instant scheduledAt,
    Instant startedAt,
    double latenessMs,
    long durationMs,
    TaskError error,
    boolean willRetry,
    long retryInMs,
    Object result,
    List<Object> args) {

  /** The event names of the structured log. */
  public enum Type {
    SCHEDULED("task.scheduled"),
    STARTED("task.started"),
    COMPLETED("task.completed"),
    ERROR("task.error"),
    FAILED("task.failed"),
    CANCELLED("task.cancelled"),
    SKIPPED("task.skipped");

    private final String eventName;

    Type(String eventName) {
      this.eventName = eventName;
    }

    /** The name in the log, such as {@code task.started}. */
    public String eventName() {
      return eventName;
    }
  }
}
