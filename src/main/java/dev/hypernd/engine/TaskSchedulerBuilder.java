package dev.hypernd.engine;

import dev.hypernd.engine.store.Retention;
import dev.hypernd.engine.store.TaskStore;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;

/** Builds a {@link TaskScheduler}; every setting has a working default. */
public final class TaskSchedulerBuilder {
  // Read by the TaskScheduler constructor.
  EngineClock clock = EngineClock.system();
  int workers = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
  Executor executor;
  TaskStore store;
  boolean dispatchThread = true;
  String owner = UUID.randomUUID().toString();
  ClassLoader periodicLoader = Thread.currentThread().getContextClassLoader();
  Retention retention = Retention.DEFAULT;
  Duration pruneEvery = Duration.ofMinutes(10);
  Executor maintenanceExecutor;

  TaskSchedulerBuilder() {}

  public TaskSchedulerBuilder clock(EngineClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Size of the worker pool: at most this many bodies run at once. */
  public TaskSchedulerBuilder workers(int workers) {
    if (workers <= 0) {
      throw new IllegalArgumentException("workers (" + workers + ") must be positive");
    }
    this.workers = workers;
    return this;
  }

  /** Runs bodies on this executor instead of an owned pool (not shut down by the scheduler). */
  public TaskSchedulerBuilder executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  public TaskSchedulerBuilder store(TaskStore store) {
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /** Whether {@link #start()} starts the dispatch thread; tests drive dispatch by hand. */
  public TaskSchedulerBuilder dispatchThread(boolean dispatchThread) {
    this.dispatchThread = dispatchThread;
    return this;
  }

  /** Who claims fires in a shared store; unique per scheduler by default. */
  public TaskSchedulerBuilder owner(String owner) {
    this.owner = Objects.requireNonNull(owner, "owner");
    return this;
  }

  /** Where {@link Periodic} classes are looked up; {@code null} turns discovery off. */
  public TaskSchedulerBuilder periodicClassLoader(ClassLoader loader) {
    this.periodicLoader = loader;
    return this;
  }

  /** What finished tasks the store keeps; {@link Retention#DEFAULT} unless set. */
  public TaskSchedulerBuilder retention(Retention retention) {
    this.retention = Objects.requireNonNull(retention, "retention");
    return this;
  }

  /** How often the store is pruned to the retention, off the dispatch thread (10 minutes). */
  public TaskSchedulerBuilder pruneEvery(Duration every) {
    Objects.requireNonNull(every, "every");
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("pruneEvery (" + every + ") must be positive");
    }
    this.pruneEvery = every;
    return this;
  }

  /**
   * Runs housekeeping (pruning) on this executor instead of an owned background thread; tests pass
   * {@code Runnable::run}.
   */
  public TaskSchedulerBuilder maintenanceExecutor(Executor executor) {
    this.maintenanceExecutor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  public TaskScheduler build() {
    return new TaskScheduler(this);
  }
}
