package dev.hypernd.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out {@link Effects} once the state change that made them has released its locks: frees
 * the job slots of tasks that ended ({@link Admission#release}), saves the changed counters ({@link
 * EngineMetrics#flush}), publishes events, hands attempts to the worker executor and housekeeping
 * to the maintenance executor. A worker runs the attempt it is handed here: {@link Attempts#begin},
 * the body, {@link Attempts#end}, each followed by its own effects.
 */
final class Outlet {
  private static final Logger log = LoggerFactory.getLogger(Outlet.class);

  private final Monitor monitor;
  private final Executor workers;
  private final Executor maintenance;
  private final Attempts attempts;
  private final Admission admission;
  private final EngineMetrics metrics;

  Outlet(
      Monitor monitor,
      Executor workers,
      Executor maintenance,
      Attempts attempts,
      Admission admission,
      EngineMetrics metrics) {
    this.monitor = monitor;
    this.workers = workers;
    this.maintenance = maintenance;
    this.attempts = attempts;
    this.admission = admission;
    this.metrics = metrics;
  }

  void apply(Effects fx) {
    apply(fx, workers);
  }

  /** As {@link #apply(Effects)}, with attempts handed to {@code executor} instead. */
  void apply(Effects fx, Executor executor) {
    admission.release(fx);
    metrics.flush();
    monitor.publish(fx.events());
    for (Effects.Ticket ticket : fx.starts()) {
      try {
        executor.execute(() -> run(ticket));
      } catch (RejectedExecutionException e) {
        // Only at shutdown: the task stays PENDING/RETRYING, which a durable store resumes.
        log.debug("worker pool refused an attempt during shutdown: {}", e.toString());
      }
    }
    for (Runnable work : fx.housekeeping()) {
      try {
        maintenance.execute(work);
      } catch (RejectedExecutionException e) {
        log.debug("maintenance refused work during shutdown: {}", e.toString());
      }
    }
  }

  /** Runs one timer's action and carries out its effects at once. */
  void runTimer(TimerQueue.Timer timer) {
    runTimer(timer, null);
  }

  /**
   * Runs one timer's action and carries out its effects at once, except housekeeping, which goes to
   * {@code later} when given: a hand-driven round prunes after every task due at that instant has
   * run, as a prune on its own thread would find them.
   */
  void runTimer(TimerQueue.Timer timer, Effects later) {
    Effects fx = new Effects();
    try {
      timer.run(fx);
    } catch (RuntimeException e) {
      log.error("internal error while dispatching a timer; the scheduler carries on", e);
    }
    if (later != null) {
      fx.housekeeping().forEach(later::maintain);
      fx.housekeeping().clear();
    }
    apply(fx);
  }

  private void run(Effects.Ticket ticket) {
    Effects startFx = new Effects();
    TaskContext context = attempts.begin(ticket, startFx);
    apply(startFx);
    if (context == null) {
      return;
    }
    Object result = null;
    Throwable error = null;
    try {
      result = ticket.task().definition.action().run(context);
    } catch (Throwable t) {
      error = t;
    }
    Effects endFx = new Effects();
    attempts.end(ticket, result, error, endFx);
    apply(endFx);
    if (error instanceof VirtualMachineError vmError && !(error instanceof StackOverflowError)) {
      throw vmError;
    }
  }
}
