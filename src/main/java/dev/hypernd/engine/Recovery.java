package dev.hypernd.engine;

import dev.hypernd.engine.store.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, takes over the tasks an earlier run left unfinished in the store (a clean stop leaves
 * PENDING and RETRYING tasks; a crash may also leave RUNNING ones):
 *
 * <ul>
 *   <li>PENDING, due later: waits until its {@code nextAttemptAt}, as a delayed submission does;
 *   <li>PENDING, due: runs now, under its job's overlap policy;
 *   <li>RETRYING: the next attempt runs at its planned {@code nextAttemptAt}, or now if that
 *       passed;
 *   <li>RUNNING: its attempt's outcome is unknown, so it is recorded as a failed attempt with a
 *       {@link DaemonStoppedException} and retried if the retry policy allows, else FAILED;
 *   <li>of a job that is no longer configured: CANCELLED, error type {@code job-removed}.
 * </ul>
 *
 * Only jobs registered before {@link TaskScheduler#start()} count as configured. Runs once, in
 * {@link TaskScheduler#start()}, before any dispatch thread exists.
 */
final class Recovery {
  private static final Logger log = LoggerFactory.getLogger(Recovery.class);

  private final TaskStore store;
  private final JobRegistry registry;
  private final TaskTable tasks;
  private final Attempts attempts;
  private final Admission admission;
  private final EngineMetrics metrics;
  private final EngineClock clock;
  private final Timers timers;

  Recovery(
      TaskStore store,
      JobRegistry registry,
      TaskTable tasks,
      Attempts attempts,
      Admission admission,
      EngineMetrics metrics,
      EngineClock clock,
      Timers timers) {
    this.store = store;
    this.registry = registry;
    this.tasks = tasks;
    this.attempts = attempts;
    this.admission = admission;
    this.metrics = metrics;
    this.clock = clock;
    this.timers = timers;
  }

  void resumeTasks(Effects fx) {
    List<TaskResult> stored = store.unfinished();
    int[] counts = new int[5];
    // Tasks that held their job's slot (running or retrying) first, so that pending ones queue or
    // skip behind them as the overlap policy says; each group oldest first.
    for (TaskResult t : stored) {
      if (t.state() != TaskState.PENDING && !tasks.isLive(t.taskId())) {
        counts[resume(t, fx)]++;
      }
    }
    // Interrupted attempts that failed for good free their job's place before pending tasks ask.
    admission.release(fx);
    for (TaskResult t : stored) {
      if (t.state() == TaskState.PENDING && !tasks.isLive(t.taskId())) {
        counts[resume(t, fx)]++;
      }
    }
    if (counts[0] + counts[1] + counts[2] + counts[3] + counts[4] > 0) {
      log.info(
          "resumed from the store: {} pending, {} due now, {} retrying, {} interrupted by the"
              + " stop (were running), {} cancelled (job no longer configured)",
          counts[0],
          counts[1],
          counts[2],
          counts[3],
          counts[4]);
    }
  }

  /** Resumes one task; returns which count it adds to. */
  private int resume(TaskResult stored, Effects fx) {
    ScheduledJob job = registry.liveOrNull(stored.taskName());
    if (job == null) {
      cancelOrphan(stored, fx);
      return 4;
    }
    Instant now = clock.now();
    ActiveTask task =
        new ActiveTask(
            stored.sequenceNumber(),
            job,
            stored.args(),
            stored.scheduledAt(),
            nanosAt(stored.scheduledAt()),
            stored.nextAttemptAt());
    task.attempts = stored.attempts();
    task.startedAt = stored.startedAt();
    task.durationMs = stored.durationMs();
    task.error = stored.error();
    tasks.adopt(task);
    switch (stored.state()) {
      case RUNNING -> {
        synchronized (task) {
          task.state = TaskState.RUNNING;
          task.durationMs = 0;
          job.active.add(task);
          attempts.failAttempt(
              task,
              new DaemonStoppedException(
                  "the daemon stopped while attempt "
                      + stored.attempts()
                      + " was running"
                      + (stored.startedAt() == null ? "" : " (started " + stored.startedAt() + ")")
                      + "; its outcome is unknown"),
              fx);
        }
        return 3;
      }
      case RETRYING -> {
        synchronized (task) {
          task.state = TaskState.RETRYING;
          job.active.add(task);
          Instant due = stored.nextAttemptAt() == null ? now : stored.nextAttemptAt();
          attempts.scheduleRetry(task, nanosAt(due.isBefore(now) ? now : due));
        }
        return 2;
      }
      default -> {
        Instant due = stored.nextAttemptAt();
        if (due != null && due.isAfter(now)) {
          synchronized (task) {
            task.dueNanos = nanosAt(due);
            task.timer =
                timers.atNanos(task.seq, task.dueNanos, f -> admission.onDelayedDue(task, f));
          }
          return 0;
        }
        admission.onDelayedDue(task, fx);
        return 1;
      }
    }
  }

  private void cancelOrphan(TaskResult stored, Effects fx) {
    Instant now = clock.now();
    String running =
        stored.state() == TaskState.RUNNING
            ? " (attempt " + stored.attempts() + " was running when the daemon stopped)"
            : "";
    TaskError why =
        new TaskError(
            "job-removed",
            "job "
                + stored.taskName()
                + " is no longer configured, so the task was not resumed after the restart"
                + running);
    TaskResult cancelled =
        new TaskResult(
            stored.taskId(),
            stored.taskName(),
            TaskState.CANCELLED,
            null,
            why,
            stored.attempts(),
            stored.durationMs(),
            stored.scheduledAt(),
            stored.startedAt(),
            now,
            null,
            stored.args());
    store.save(cancelled);
    metrics.cancelledOrphan();
    fx.event(TaskEvents.cancelled(cancelled, now));
  }

  /** The monotonic time of a wall-clock instant, as of now. */
  private long nanosAt(Instant at) {
    Duration d = Duration.between(clock.now(), at);
    long offset;
    try {
      offset = d.toNanos();
    } catch (ArithmeticException e) {
      offset = d.isNegative() ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
    }
    return clock.nanoTime() + offset;
  }
}
