package dev.hypernd.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Submits, cancels and looks up tasks, and reads metrics. A submission of an {@link
 * OverlapPolicy#ALLOW} job takes no lock but the new task's own; other policies decide under the
 * job's lock.
 */
final class TaskControl {
  private final JobRegistry registry;
  private final TaskTable tasks;
  private final Admission admission;
  private final Attempts attempts;
  private final EngineMetrics metrics;
  private final Timers timers;
  private final EngineClock clock;
  private final RunState run;
  private final Outlet outlet;

  TaskControl(
      JobRegistry registry,
      TaskTable tasks,
      Admission admission,
      Attempts attempts,
      EngineMetrics metrics,
      Timers timers,
      EngineClock clock,
      RunState run,
      Outlet outlet) {
    this.registry = registry;
    this.tasks = tasks;
    this.admission = admission;
    this.attempts = attempts;
    this.metrics = metrics;
    this.timers = timers;
    this.clock = clock;
    this.run = run;
    this.outlet = outlet;
  }

  String submit(String jobName, List<Object> args, Duration delay) {
    ScheduledJob job = registry.live(jobName);
    Effects fx = new Effects();
    String id;
    if (delay.isZero() || delay.isNegative()) {
      id = submitNow(job, args, fx);
    } else {
      Instant due = clock.now().plus(delay);
      ActiveTask task = tasks.create(job, args, due, clock.nanoTime() + delay.toNanos(), due, fx);
      synchronized (task) {
        task.timer = timers.atNanos(task.seq, task.dueNanos, f -> admission.onDelayedDue(task, f));
      }
      id = task.id;
    }
    outlet.apply(fx);
    return id;
  }

  private String submitNow(ScheduledJob job, List<Object> args, Effects fx) {
    long nanos = clock.nanoTime();
    if (job.definition.overlap() == OverlapPolicy.ALLOW) {
      ActiveTask task = tasks.create(job, args, clock.now(), nanos, null, fx);
      admission.admit(task, fx);
      return task.id;
    }
    job.lock.lock();
    try {
      if (OverlapGate.decide(job, job.definition.overlap()) == OverlapGate.Decision.SKIP) {
        ActiveTask earlier = job.oldestActive();
        if (earlier != null) {
          throw new OverlapException(job.name(), earlier.id);
        }
      }
      ActiveTask task = tasks.create(job, args, clock.now(), nanos, null, fx);
      admission.admit(task, fx);
      return task.id;
    } finally {
      job.lock.unlock();
    }
  }

  TaskResult cancel(String taskId) {
    ActiveTask task = tasks.get(taskId);
    Effects fx = new Effects();
    if (task == null
        || !attempts.cancel(task, new TaskError("cancelled", "cancelled by request"), fx)) {
      TaskResult stored = tasks.find(taskId).orElseThrow(() -> new NoSuchTaskException(taskId));
      throw new TaskStateException(
          "task " + taskId + " is already " + stored.state() + " and cannot be cancelled",
          stored.state());
    }
    TaskResult result;
    synchronized (task) {
      result = task.snapshot();
    }
    outlet.apply(fx);
    return result;
  }

  Optional<TaskResult> result(String taskId) {
    return tasks.find(taskId);
  }

  List<TaskResult> live() {
    return tasks.snapshots();
  }

  /** The metrics of one job, or of all for null. */
  MetricsSnapshot metrics(String jobName) {
    TaskTable.Counts counts = tasks.count(jobName);
    MetricsSnapshot m =
        metrics.snapshot(jobName, counts.running(), counts.pending(), run.uptimeSeconds());
    if (m == null) {
      if (!registry.contains(jobName)) {
        throw new NoSuchJobException(jobName);
      }
      metrics.register(jobName);
      m = metrics.snapshot(jobName, counts.running(), counts.pending(), run.uptimeSeconds());
    }
    return m;
  }
}
