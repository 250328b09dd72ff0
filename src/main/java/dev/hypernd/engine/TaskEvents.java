package dev.hypernd.engine;

import java.time.Instant;
import java.util.List;

/** Builds the {@link TaskEvent} of each transition from a task's state. */
final class TaskEvents {
  private TaskEvents() {}

  static TaskEvent scheduled(ActiveTask t, Instant at) {
    return of(TaskEvent.Type.SCHEDULED, t, at, 0, 0, null, false, 0);
  }

  static TaskEvent started(ActiveTask t, double latenessMs) {
    return of(TaskEvent.Type.STARTED, t, t.startedAt, latenessMs, 0, null, false, 0);
  }

  static TaskEvent completed(ActiveTask t, Instant at) {
    return of(TaskEvent.Type.COMPLETED, t, at, 0, t.durationMs, null, false, 0);
  }

  static TaskEvent error(ActiveTask t, Instant at, boolean willRetry, long retryInMs) {
    return of(TaskEvent.Type.ERROR, t, at, 0, t.durationMs, t.error, willRetry, retryInMs);
  }

  static TaskEvent failed(ActiveTask t, Instant at) {
    return of(TaskEvent.Type.FAILED, t, at, 0, t.durationMs, t.error, false, 0);
  }

  static TaskEvent cancelled(ActiveTask t, Instant at) {
    return of(TaskEvent.Type.CANCELLED, t, at, 0, 0, t.error, false, 0);
  }

  /** A task of a previous run cancelled at start, which never became an {@link ActiveTask}. */
  static TaskEvent cancelled(TaskResult t, Instant at) {
    return new TaskEvent(
        TaskEvent.Type.CANCELLED,
        at,
        t.taskName(),
        t.taskId(),
        t.attempts(),
        t.scheduledAt(),
        t.startedAt(),
        0,
        0,
        t.error(),
        false,
        0,
        null,
        t.args());
  }

  /** A fire that created no task, or a delayed task dropped by the overlap policy. */
  static TaskEvent skipped(
      String job, String taskId, Instant scheduledAt, Instant at, TaskError why) {
    return new TaskEvent(
        TaskEvent.Type.SKIPPED,
        at,
        job,
        taskId,
        0,
        scheduledAt,
        null,
        0,
        0,
        why,
        false,
        0,
        null,
        List.of());
  }

  private static TaskEvent of(
      TaskEvent.Type type,
      ActiveTask t,
      Instant at,
      double latenessMs,
      long durationMs,
      TaskError error,
      boolean willRetry,
      long retryInMs) {
    return new TaskEvent(
        type,
        at,
        t.jobName(),
        t.id,
        t.attempts,
        t.scheduledAt,
        t.startedAt,
        latenessMs,
        durationMs,
        error,
        willRetry,
        retryInMs,
        type == TaskEvent.Type.COMPLETED ? t.result : null,
        t.args);
  }
}
