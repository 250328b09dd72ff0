package dev.hypernd.engine;

import dev.hypernd.engine.store.TaskStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every task that has not finished (live), the ones admitted before the scheduler started
 * (deferred), and the way to the stored ones: creates tasks, persists each change and forgets a
 * task when it finishes. Thread-safe; lookups and saves take no engine-wide lock.
 */
final class TaskTable {
  /** How many live tasks of a job (or all) are running and how many are not. */
  record Counts(int running, int pending) {}

  private final TaskStore store;
  private final EngineMetrics metrics;
  private final EngineClock clock;
  private final RunState run;
  private final ConcurrentHashMap<String, ActiveTask> live = new ConcurrentHashMap<>();
  // Guarded by itself: tasks admitted before start, handed out by start.
  private final List<ActiveTask> deferred = new ArrayList<>();

  TaskTable(TaskStore store, EngineMetrics metrics, EngineClock clock, RunState run) {
    this.store = store;
    this.metrics = metrics;
    this.clock = clock;
    this.run = run;
  }

  /** A new PENDING task: numbered by the store, counted, saved, announced. */
  ActiveTask create(
      ScheduledJob job,
      List<Object> args,
      Instant scheduledAt,
      long dueNanos,
      Instant nextAttemptAt,
      Effects fx) {
    ActiveTask task =
        new ActiveTask(store.nextTaskNumber(), job, args, scheduledAt, dueNanos, nextAttemptAt);
    live.put(task.id, task);
    metrics.submitted(task.jobName());
    synchronized (task) {
      persist(task);
    }
    fx.event(TaskEvents.scheduled(task, clock.now()));
    return task;
  }

  /** Takes a task resumed from the store into the table. */
  void adopt(ActiveTask task) {
    live.put(task.id, task);
  }

  boolean isLive(String taskId) {
    return live.containsKey(taskId);
  }

  ActiveTask get(String taskId) {
    return live.get(taskId);
  }

  /** Saves the task's state. Under the task's monitor, so saves of one task stay in order. */
  void persist(ActiveTask task) {
    store.save(task.snapshot());
  }

  /** Forgets a task that reached a final state (already persisted). */
  void remove(ActiveTask task) {
    live.remove(task.id, task);
    if (!run.isStarted()) {
      synchronized (deferred) {
        deferred.remove(task);
      }
    }
  }

  /**
   * Keeps a task that may run until the scheduler starts; false once it has started, when the
   * caller hands it out itself.
   */
  boolean deferUntilStart(ActiveTask task) {
    if (run.isStarted()) {
      return false;
    }
    synchronized (deferred) {
      if (run.isStarted()) {
        return false;
      }
      deferred.add(task);
      return true;
    }
  }

  /** Marks the scheduler started and returns the deferred tasks, which the caller hands out. */
  List<ActiveTask> startAndTakeDeferred() {
    synchronized (deferred) {
      run.markStarted();
      List<ActiveTask> out = List.copyOf(deferred);
      deferred.clear();
      return out;
    }
  }

  /** The live task, else the stored one. */
  Optional<TaskResult> find(String taskId) {
    ActiveTask task = live.get(taskId);
    if (task != null) {
      synchronized (task) {
        return Optional.of(task.view(clock.nanoTime()));
      }
    }
    return store.find(taskId);
  }

  List<TaskResult> snapshots() {
    List<TaskResult> out = new ArrayList<>();
    long now = clock.nanoTime();
    for (ActiveTask t : live.values()) {
      synchronized (t) {
        out.add(t.view(now));
      }
    }
    return out;
  }

  List<ActiveTask> all() {
    return List.copyOf(live.values());
  }

  /** Running and other live tasks of {@code jobName}, or of all jobs for null. */
  Counts count(String jobName) {
    int running = 0;
    int pending = 0;
    for (ActiveTask t : live.values()) {
      if (jobName == null || jobName.equals(t.jobName())) {
        if (t.state == TaskState.RUNNING) {
          running++;
        } else {
          pending++;
        }
      }
    }
    return new Counts(running, pending);
  }
}
