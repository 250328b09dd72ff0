package dev.hypernd.engine;

import java.time.Instant;
import java.util.List;

/**
 * The mutable state of a task that has not finished. Its fields are guarded by the task's own
 * monitor ({@code synchronized (task)}): a transition of one task never waits for another task.
 * {@link #state} is also readable without it, for counts and overlap decisions.
 */
final class ActiveTask {
  final String id;
  final long seq;
  final ScheduledJob job;
  // The definition the task was created under: a reload changes the job, not its running tasks.
  final JobDefinition definition;
  final List<Object> args;
  final Instant scheduledAt;
  // When the current attempt is due on the monotonic clock: the fire, the delay or the backoff.
  long dueNanos;

  volatile TaskState state = TaskState.PENDING;
  int attempts;

  /** Changes whenever an attempt is handed out or abandoned; stale work checks it and stops. */
  int token;

  Instant startedAt;
  long startNanos;
  Instant finishedAt;
  Instant nextAttemptAt;
  long durationMs;
  Object result;
  TaskError error;
  Thread worker;
  TimerQueue.Timer timer;

  ActiveTask(
      long seq,
      ScheduledJob job,
      List<Object> args,
      Instant scheduledAt,
      long dueNanos,
      Instant nextAttemptAt) {
    this.seq = seq;
    this.id = TaskIds.format(seq);
    this.job = job;
    this.definition = job.definition;
    this.args = List.copyOf(args);
    this.scheduledAt = scheduledAt;
    this.dueNanos = dueNanos;
    this.nextAttemptAt = nextAttemptAt;
  }

  String jobName() {
    return definition.name();
  }

  /** Under the task's monitor. */
  void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  /** The task as it is stored: a running attempt's duration is not known yet. Under its monitor. */
  TaskResult snapshot() {
    return snapshot(durationMs);
  }

  /**
   * The task as people asking about it see it at {@code nowNanos}: a running attempt's duration is
   * how long it has run so far, not 0 or the previous attempt's. Under its monitor.
   */
  TaskResult view(long nowNanos) {
    return snapshot(
        state == TaskState.RUNNING ? Math.max(0, nowNanos - startNanos) / 1_000_000 : durationMs);
  }

  private TaskResult snapshot(long durationMs) {
    return new TaskResult(
        id,
        jobName(),
        state,
        result,
        error,
        attempts,
        durationMs,
        scheduledAt,
        startedAt,
        finishedAt,
        nextAttemptAt,
        args);
  }

  TaskContext context() {
    return new TaskContext(id, jobName(), attempts, args, scheduledAt);
  }
}
