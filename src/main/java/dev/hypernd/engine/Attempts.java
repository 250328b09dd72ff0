package dev.hypernd.engine;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs attempts on worker threads and decides what follows them: completion, a retry scheduled on a
 * timer (never slept on a thread), or failure. Also abandons attempts on timeout, cancel and
 * shutdown by interrupting their thread.
 */
final class Attempts {
  private static final Logger log = LoggerFactory.getLogger(Attempts.class);

  private final Engine engine;
  private final EngineClock clock;
  private final TimerQueue timers;

  Attempts(Engine engine, EngineClock clock, TimerQueue timers) {
    this.engine = engine;
    this.clock = clock;
    this.timers = timers;
  }

  /** The work to give a worker for the task's next attempt. Under the lock. */
  Runnable handOut(ActiveTask task) {
    int token = ++task.token;
    return () -> run(task, token);
  }

  private void run(ActiveTask task, int token) {
    Effects startFx = new Effects();
    TaskContext context;
    engine.lock.lock();
    try {
      if (task.token != token || task.state.isFinished() || engine.isStopping()) {
        return;
      }
      begin(task, token, startFx);
      context = task.context();
    } finally {
      engine.lock.unlock();
    }
    engine.publish(startFx);

    Object result = null;
    Throwable error = null;
    try {
      result = task.definition.action().run(context);
    } catch (Throwable t) {
      error = t;
    }
    long endNanos = clock.nanoTime();

    Effects endFx = new Effects();
    engine.lock.lock();
    try {
      if (task.worker == Thread.currentThread()) {
        task.worker = null;
      }
      // An interrupt meant for this attempt must not leak into the worker's next task.
      Thread.interrupted();
      if (task.token != token || task.state != TaskState.RUNNING) {
        log.debug("attempt {} of {} ended after it was abandoned", task.attempts, task.id);
        return;
      }
      end(task, endNanos);
      if (error == null) {
        complete(task, result, endFx);
      } else {
        failAttempt(task, error, endFx);
      }
    } finally {
      engine.lock.unlock();
    }
    engine.publish(endFx);
    if (error instanceof VirtualMachineError vmError && !(error instanceof StackOverflowError)) {
      throw vmError;
    }
  }

  private void begin(ActiveTask task, int token, Effects fx) {
    task.state = TaskState.RUNNING;
    task.attempts++;
    task.startedAt = clock.now();
    task.startNanos = clock.nanoTime();
    task.nextAttemptAt = null;
    task.worker = Thread.currentThread();
    engine.attemptStarted();
    task.definition
        .timeout()
        .ifPresent(
            timeout -> {
              task.timer =
                  timers.atNanos(
                      task.startNanos + timeout.toNanos(), f -> onTimeout(task, token, f));
              engine.wake.signalAll();
            });
    engine.store().save(task.snapshot());
    double latenessMs = (task.startNanos - task.dueNanos) / 1_000_000.0;
    fx.event(TaskEvents.started(task, latenessMs));
  }

  private void end(ActiveTask task, long endNanos) {
    long nanos = Math.max(0, endNanos - task.startNanos);
    task.durationMs = nanos / 1_000_000;
    task.cancelTimer();
    engine.attemptEnded();
    engine.totals().recordDuration(nanos / 1_000);
    engine.metrics(task.jobName()).recordDuration(nanos / 1_000);
  }

  /** Takes the attempt away from its thread: its outcome will be ignored. Under the lock. */
  void interrupt(ActiveTask task) {
    Thread worker = task.worker;
    task.worker = null;
    task.token++;
    end(task, clock.nanoTime());
    if (worker != null) {
      worker.interrupt();
    }
  }

  private void onTimeout(ActiveTask task, int token, Effects fx) {
    task.timer = null;
    if (task.token != token || task.state != TaskState.RUNNING) {
      return;
    }
    Duration timeout = task.definition.timeout().orElseThrow();
    interrupt(task);
    failAttempt(task, new TaskTimeoutException(timeout), fx);
  }

  private void complete(ActiveTask task, Object result, Effects fx) {
    task.state = TaskState.COMPLETED;
    task.result = result;
    task.error = null;
    task.finishedAt = clock.now();
    engine.totals().completed++;
    engine.metrics(task.jobName()).completed++;
    fx.event(TaskEvents.completed(task, task.finishedAt));
    engine.finish(task, fx);
  }

  private static String stackTrace(ActiveTask task, Throwable error) {
    try {
      return task.definition.action().stackTraceOf(error);
    } catch (RuntimeException e) {
      log.warn("job {}: describing the failure of {} failed", task.jobName(), task.id, e);
      return "";
    }
  }

  /** Records a failed attempt and retries it or fails the task. Under the lock. */
  void failAttempt(ActiveTask task, Throwable error, Effects fx) {
    Instant now = clock.now();
    task.error = TaskError.of(error, stackTrace(task, error));
    JobMetrics jobMetrics = engine.metrics(task.jobName());
    engine.totals().recordError(task.error.type());
    jobMetrics.recordError(task.error.type());
    RetryPolicy policy = task.definition.retry();
    if (policy.shouldRetry(error, task.attempts)) {
      Duration delay = policy.delayBeforeRetry(task.attempts - 1);
      task.state = TaskState.RETRYING;
      task.nextAttemptAt = now.plus(delay);
      task.dueNanos = clock.nanoTime() + delay.toNanos();
      task.timer = timers.atNanos(task.dueNanos, f -> onRetryDue(task, f));
      engine.wake.signalAll();
      engine.totals().retried++;
      jobMetrics.retried++;
      engine.persist(task);
      fx.event(TaskEvents.error(task, now, true, delay.toMillis()));
    } else {
      task.state = TaskState.FAILED;
      task.finishedAt = now;
      engine.totals().failed++;
      jobMetrics.failed++;
      fx.event(TaskEvents.error(task, now, false, 0));
      fx.event(TaskEvents.failed(task, now));
      engine.finish(task, fx);
    }
  }

  /** Schedules the next attempt of a RETRYING task at {@code dueNanos}. Under the lock. */
  void scheduleRetry(ActiveTask task, long dueNanos) {
    task.dueNanos = dueNanos;
    task.timer = timers.atNanos(dueNanos, f -> onRetryDue(task, f));
    engine.wake.signalAll();
  }

  private void onRetryDue(ActiveTask task, Effects fx) {
    task.timer = null;
    if (task.state == TaskState.RETRYING) {
      fx.start(handOut(task));
    }
  }
}
