package dev.hypernd.daemon.metrics;

import dev.hypernd.daemon.DaemonListener;
import dev.hypernd.daemon.ReloadOutcome;
import dev.hypernd.engine.JobInfo;
import dev.hypernd.engine.TaskEvent;
import dev.hypernd.engine.TaskScheduler;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code hypernd_tasks_{submitted,completed,failed,retried,cancelled,skipped}_total} per job,
 * counted from the engine's events since this daemon started, like every exporter's counters and
 * like the duration histogram beside them, so that the two agree (Prometheus's {@code rate} and
 * {@code increase} read a restart as a counter reset). {@code hypernctl metrics} keeps its totals
 * across restarts in the store; these do not. Every current job's series starts at zero, also a job
 * that a reload adds; a reload that removes a job removes its series, and later events of its
 * remaining tasks are not counted.
 */
final class TaskCounters implements DaemonListener {
  private final Counter submitted;
  private final Counter completed;
  private final Counter failed;
  private final Counter retried;
  private final Counter cancelled;
  private final Counter skipped;
  private final List<Counter> all;
  private final Set<String> removed = ConcurrentHashMap.newKeySet();

  TaskCounters(PrometheusRegistry registry) {
    submitted = counter(registry, "submitted", "Tasks created: fires, submits and at_start runs.");
    completed = counter(registry, "completed", "Tasks that completed successfully.");
    failed =
        counter(
            registry, "failed", "Tasks that failed: retries exhausted or an error not retried.");
    retried = counter(registry, "retried", "Failed attempts followed by a retry.");
    cancelled = counter(registry, "cancelled", "Tasks cancelled before they finished.");
    skipped =
        counter(
            registry,
            "skipped",
            "Fires and delayed tasks dropped by the overlap policy or missed.");
    all = List.of(submitted, completed, failed, retried, cancelled, skipped);
  }

  private static Counter counter(PrometheusRegistry registry, String what, String help) {
    return Counter.builder()
        .name("hypernd_tasks_" + what + "_total")
        .help(help + " Since the daemon started.")
        .labelNames(SchedulerMetrics.JOB_NAME)
        .withoutExemplars()
        .register(registry);
  }

  /** Starts the series of every current job at zero. */
  void seed(TaskScheduler scheduler) {
    for (JobInfo job : scheduler.jobs()) {
      start(job.name());
    }
  }

  private void start(String job) {
    removed.remove(job);
    all.forEach(counter -> counter.labelValues(job));
  }

  @Override
  public void onEvent(TaskEvent event) {
    if (removed.contains(event.job())) {
      return;
    }
    Counter counter =
        switch (event.type()) {
          case SCHEDULED -> submitted;
          case COMPLETED -> completed;
          case ERROR -> event.willRetry() ? retried : null;
          case FAILED -> failed;
          case CANCELLED -> cancelled;
          case SKIPPED -> skipped;
          case STARTED -> null;
        };
    if (counter != null) {
      counter.labelValues(event.job()).inc();
    }
  }

  @Override
  public void loaded(ReloadOutcome outcome) {
    if (outcome instanceof ReloadOutcome.Loaded loaded) {
      loaded.diff().added().forEach(this::start);
      for (String job : loaded.diff().removed()) {
        removed.add(job);
        all.forEach(counter -> counter.remove(job));
      }
    }
  }
}
