package dev.hypernd.engine;

import dev.hypernd.engine.store.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Wires the engine's parts together and offers their operations to {@link TaskScheduler}: the job
 * registry, the task table, admission under the overlap gate, attempts, fire planning, recovery,
 * metrics and the sharded timers. There is no engine-wide lock: a task's transitions hold its own
 * monitor, a job's fire planning and overlap admission hold the job's lock, and the set of jobs
 * changes under the registry's lock. Bodies, listeners and the executor run outside all of them
 * (see {@link Effects}). Time comes only from the injected {@link EngineClock}, and nothing here
 * sleeps: waits are timers, run by the {@link DispatchLoop}s or by {@link #dispatchDue()}.
 */
final class Engine {
  private final EngineClock clock;
  private final TaskStore store;
  private final RunState run;
  private final Timers timers;
  private final JobRegistry registry = new JobRegistry();
  private final EngineMetrics metrics;
  private final TaskTable tasks;
  private final Attempts attempts;
  private final Admission admission;
  private final FireScheduler fires;
  private final Recovery recovery;
  private final Housekeeping housekeeping;
  private final Outlet outlet;
  private final Outlet shutdownOutlet;
  private final JobControl jobControl;
  private final TaskControl taskControl;

  Engine(
      EngineClock clock,
      Executor executor,
      TaskStore store,
      Monitor monitor,
      String owner,
      Maintenance maintenance,
      int timerShards) {
    this.clock = clock;
    this.store = store;
    this.run = new RunState(clock);
    this.timers = new Timers(timerShards);
    this.metrics = new EngineMetrics(store);
    this.tasks = new TaskTable(store, metrics, clock, run);
    this.attempts = new Attempts(clock, timers, tasks, metrics, run);
    this.admission = new Admission(attempts, tasks, metrics, registry, clock);
    this.fires = new FireScheduler(clock, timers, store, tasks, admission, metrics, owner);
    this.recovery =
        new Recovery(store, registry, tasks, attempts, admission, metrics, clock, timers);
    this.housekeeping = new Housekeeping(store, maintenance, clock, timers);
    this.outlet =
        new Outlet(monitor, executor, maintenance.executor(), attempts, admission, metrics);
    this.shutdownOutlet =
        new Outlet(monitor, Runnable::run, maintenance.executor(), attempts, admission, metrics);
    this.jobControl = new JobControl(registry, fires, metrics, store, run);
    this.taskControl =
        new TaskControl(registry, tasks, admission, attempts, metrics, timers, clock, run, outlet);
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  /**
   * Resumes the unfinished tasks of an earlier run found in the store (see {@link Recovery}), arms
   * every job (from its stored schedule state when there is one: interval phase, missed fires and
   * catch-up), releases submissions made before start and starts pruning. False if already started.
   */
  boolean start() {
    Effects fx = new Effects();
    registry.lock.lock();
    try {
      if (run.isStarted()) {
        return false;
      }
      List<ActiveTask> deferred = tasks.startAndTakeDeferred();
      recovery.resumeTasks(fx);
      for (ScheduledJob job : registry.all()) {
        job.lock.lock();
        try {
          if (job.removed) {
            continue;
          }
          if (job.stored != null) {
            fires.resume(job, job.stored, fx);
            job.stored = null;
          } else {
            fires.arm(job);
          }
        } finally {
          job.lock.unlock();
        }
      }
      for (ActiveTask task : deferred) {
        if (task.state == TaskState.PENDING) {
          fx.start(attempts.handOut(task));
        }
      }
      housekeeping.start(fx);
    } finally {
      registry.lock.unlock();
    }
    outlet.apply(fx);
    return true;
  }

  boolean isStarted() {
    return run.isStarted();
  }

  /** Stops fires, retries and delays; running attempts carry on until {@link #awaitIdle}. */
  void stopDispatching() {
    run.markStopping();
    timers.wakeAll();
  }

  boolean isStopping() {
    return run.isStopping();
  }

  boolean awaitIdle(Duration grace) throws InterruptedException {
    return run.awaitIdle(grace);
  }

  /** Interrupts the attempts still running and records them as failed by shutdown. */
  void abandonRunning(Duration grace) {
    Effects fx = new Effects();
    for (ActiveTask task : tasks.all()) {
      attempts.abandon(
          task,
          new ShutdownException(
              "killed at shutdown: still running after the grace period of "
                  + Durations.format(grace)),
          fx);
    }
    shutdownOutlet.apply(fx);
  }

  /** One loop per timer shard, for the dispatch threads. */
  List<DispatchLoop> dispatchLoops() {
    List<DispatchLoop> loops = new ArrayList<>();
    for (int i = 0; i < timers.shardCount(); i++) {
      loops.add(new DispatchLoop(timers.shard(i), clock, run, outlet));
    }
    return loops;
  }

  /**
   * Runs every timer due now (of a hand-driven scheduler, which has one shard), in due order, each
   * with its effects carried out before the next (housekeeping after all of them); timers added
   * meanwhile wait for the next call. Returns how many ran.
   */
  int dispatchDue() {
    if (run.isStopping()) {
      return 0;
    }
    TimerQueue shard = timers.shard(0);
    long nanoNow = clock.nanoTime();
    Instant wallNow = clock.now();
    long limit = shard.nextSeq();
    int count = 0;
    Effects later = new Effects();
    for (TimerQueue.Timer t; (t = shard.pollOneDue(nanoNow, wallNow, limit)) != null; count++) {
      outlet.runTimer(t, later);
    }
    outlet.apply(later);
    return count;
  }

  /** Nanoseconds until the next timer is due; {@link Long#MAX_VALUE} when none is. */
  long nanosUntilNextDue() {
    return run.isStopping() ? Long.MAX_VALUE : timers.nanosUntilNext(clock.nanoTime(), clock.now());
  }

  /** Whether the registry's lock can be had within {@code patience}: nothing holds it for long. */
  boolean registryResponds(Duration patience) throws InterruptedException {
    if (!registry.lock.tryLock(patience.toNanos(), TimeUnit.NANOSECONDS)) {
      return false;
    }
    registry.lock.unlock();
    return true;
  }

  /** Adding, changing, pausing and listing jobs. */
  JobControl jobs() {
    return jobControl;
  }

  /** Submitting, cancelling and looking up tasks; metrics. */
  TaskControl tasks() {
    return taskControl;
  }
}
