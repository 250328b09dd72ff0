package dev.hypernd.engine;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transitions of a task's attempts: begin and end on the worker, then completion, a retry
 * scheduled on a timer (never slept on a thread), or failure; abandoning an attempt on timeout,
 * cancel and shutdown by interrupting its thread. Each transition holds only the task's monitor:
 * tasks never wait for each other. A task that reaches a final state is recorded in the effects,
 * whose {@link Outlet} frees its place in its job.
 */
final class Attempts {
  private static final Logger log = LoggerFactory.getLogger(Attempts.class);

  private final EngineClock clock;
  private final Timers timers;
  private final TaskTable tasks;
  private final EngineMetrics metrics;
  private final RunState run;

  Attempts(EngineClock clock, Timers timers, TaskTable tasks, EngineMetrics metrics, RunState run) {
    this.clock = clock;
    this.timers = timers;
    this.tasks = tasks;
    this.metrics = metrics;
    this.run = run;
  }

  /** The ticket for the task's next attempt; any earlier ticket becomes stale. */
  Effects.Ticket handOut(ActiveTask task) {
    synchronized (task) {
      return new Effects.Ticket(task, ++task.token);
    }
  }

  /** On the worker, before the body: the task is RUNNING. Null if the ticket is stale. */
  TaskContext begin(Effects.Ticket ticket, Effects fx) {
    ActiveTask task = ticket.task();
    synchronized (task) {
      if (task.token != ticket.token() || task.state.isFinished() || run.isStopping()) {
        return null;
      }
      task.state = TaskState.RUNNING;
      task.attempts++;
      task.startedAt = clock.now();
      task.startNanos = clock.nanoTime();
      task.nextAttemptAt = null;
      task.worker = Thread.currentThread();
      run.attemptStarted();
      int token = ticket.token();
      task.definition
          .timeout()
          .ifPresent(
              timeout ->
                  task.timer =
                      timers.atNanos(
                          task.seq,
                          task.startNanos + timeout.toNanos(),
                          f -> onTimeout(task, token, f)));
      tasks.persist(task);
      double latenessMs = (task.startNanos - task.dueNanos) / 1_000_000.0;
      fx.event(TaskEvents.started(task, latenessMs));
      return task.context();
    }
  }

  /** On the worker, after the body returned {@code result} or threw {@code error}. */
  void end(Effects.Ticket ticket, Object result, Throwable error, Effects fx) {
    long endNanos = clock.nanoTime();
    ActiveTask task = ticket.task();
    synchronized (task) {
      if (task.worker == Thread.currentThread()) {
        task.worker = null;
      }
      // An interrupt meant for this attempt must not leak into the worker's next task.
      Thread.interrupted();
      if (task.token != ticket.token() || task.state != TaskState.RUNNING) {
        log.debug("attempt {} of {} ended after it was abandoned", task.attempts, task.id);
        return;
      }
      stopAttempt(task, endNanos);
      if (error == null) {
        task.state = TaskState.COMPLETED;
        task.result = result;
        task.error = null;
        task.finishedAt = clock.now();
        metrics.completed(task.jobName());
        fx.event(TaskEvents.completed(task, task.finishedAt));
        finish(task, fx);
      } else {
        failAttempt(task, error, fx);
      }
    }
  }

  /**
   * Cancels a task that has not finished (a running body is interrupted); false if it had. Callable
   * under the task's job lock.
   */
  boolean cancel(ActiveTask task, TaskError why, Effects fx) {
    synchronized (task) {
      if (task.state.isFinished()) {
        return false;
      }
      if (task.state == TaskState.RUNNING) {
        interrupt(task);
      }
      task.error = why;
      task.state = TaskState.CANCELLED;
      task.finishedAt = clock.now();
      task.nextAttemptAt = null;
      metrics.cancelled(task.jobName());
      fx.event(TaskEvents.cancelled(task, task.finishedAt));
      finish(task, fx);
      return true;
    }
  }

  /** Interrupts a running attempt at shutdown and records it as failed (retryable). */
  void abandon(ActiveTask task, Throwable why, Effects fx) {
    synchronized (task) {
      if (task.state == TaskState.RUNNING) {
        interrupt(task);
        failAttempt(task, why, fx);
      }
    }
  }

  /** Records a failed attempt and retries it or fails the task. Under the task's monitor. */
  void failAttempt(ActiveTask task, Throwable error, Effects fx) {
    Instant now = clock.now();
    task.error = TaskError.of(error, stackTrace(task, error));
    RetryPolicy policy = task.definition.retry();
    if (policy.shouldRetry(error, task.attempts)) {
      Duration delay = policy.delayBeforeRetry(task.attempts - 1);
      task.state = TaskState.RETRYING;
      task.nextAttemptAt = now.plus(delay);
      scheduleRetry(task, clock.nanoTime() + delay.toNanos());
      metrics.attemptFailed(task.jobName(), task.error.type(), true);
      tasks.persist(task);
      fx.event(TaskEvents.error(task, now, true, delay.toMillis()));
    } else {
      task.state = TaskState.FAILED;
      task.finishedAt = now;
      metrics.attemptFailed(task.jobName(), task.error.type(), false);
      fx.event(TaskEvents.error(task, now, false, 0));
      fx.event(TaskEvents.failed(task, now));
      finish(task, fx);
    }
  }

  private static String stackTrace(ActiveTask task, Throwable error) {
    try {
      return task.definition.action().stackTraceOf(error);
    } catch (RuntimeException e) {
      log.warn("job {}: describing the failure of {} failed", task.jobName(), task.id, e);
      return "";
    }
  }

  /** Schedules the next attempt of a RETRYING task at {@code dueNanos}. Under its monitor. */
  void scheduleRetry(ActiveTask task, long dueNanos) {
    task.dueNanos = dueNanos;
    task.timer = timers.atNanos(task.seq, dueNanos, f -> onRetryDue(task, f));
  }

  private void onRetryDue(ActiveTask task, Effects fx) {
    synchronized (task) {
      task.timer = null;
      if (task.state == TaskState.RETRYING) {
        fx.start(new Effects.Ticket(task, ++task.token));
      }
    }
  }

  private void onTimeout(ActiveTask task, int token, Effects fx) {
    synchronized (task) {
      task.timer = null;
      if (task.token != token || task.state != TaskState.RUNNING) {
        return;
      }
      Duration timeout = task.definition.timeout().orElseThrow();
      interrupt(task);
      failAttempt(task, new TaskTimeoutException(timeout), fx);
    }
  }

  /** Takes the attempt away from its thread: its outcome will be ignored. */
  private void interrupt(ActiveTask task) {
    Thread worker = task.worker;
    task.worker = null;
    task.token++;
    stopAttempt(task, clock.nanoTime());
    if (worker != null) {
      worker.interrupt();
    }
  }

  private void stopAttempt(ActiveTask task, long endNanos) {
    long nanos = Math.max(0, endNanos - task.startNanos);
    task.durationMs = nanos / 1_000_000;
    task.cancelTimer();
    run.attemptEnded();
    metrics.attemptEnded(task.jobName(), nanos);
  }

  /** A final state: the last save, and the task's place is freed when the effects are applied. */
  private void finish(ActiveTask task, Effects fx) {
    task.cancelTimer();
    tasks.persist(task);
    fx.ended(task);
  }
}
