package dev.hypernd.daemon.metrics;

import dev.hypernd.daemon.DaemonListener;
import dev.hypernd.daemon.ReloadOutcome;
import dev.hypernd.engine.JobInfo;
import dev.hypernd.engine.TaskEvent;
import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskScheduler;
import dev.hypernd.engine.TaskState;
import dev.hypernd.engine.store.TaskQuery;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What only the engine's events tell: the duration of each attempt that ended (completed, or failed
 * whether retried or not; a cancelled attempt has no duration) and the time of each job's last
 * success. Every job's histogram exists from the start, at zero; a reload that adds a job adds its
 * series, one that removes a job removes them.
 */
final class TaskEventMetrics implements DaemonListener {
  private final Histogram durations;
  private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();

  TaskEventMetrics(PrometheusRegistry registry) {
    durations =
        Histogram.builder()
            .name("hypernd_task_duration_seconds")
            .help("How long attempts ran, by job: completed and failed attempts.")
            .unit(Unit.SECONDS)
            .labelNames(SchedulerMetrics.JOB_NAME)
            .classicUpperBounds(DurationBuckets.bounds())
            .classicOnly()
            .withoutExemplars()
            .register(registry);
    GaugeWithCallback.builder()
        .name("hypernd_last_success_timestamp_seconds")
        .help("When a task of the job last completed successfully (Unix time).")
        .unit(Unit.SECONDS)
        .labelNames(SchedulerMetrics.JOB_NAME)
        .callback(
            callback ->
                lastSuccess.forEach((job, at) -> callback.call(at.toEpochMilli() / 1000.0, job)))
        .register(registry);
  }

  /**
   * Takes each current job's last success from the store, so it survives a restart, and starts its
   * duration histogram at zero: a series that exists before the first attempt ends lets {@code
   * rate()} count that attempt.
   */
  void seed(TaskScheduler scheduler) {
    for (JobInfo job : scheduler.jobs()) {
      durations.labelValues(job.name());
      List<TaskResult> completed =
          scheduler.tasks(new TaskQuery(job.name(), TaskState.COMPLETED, 1));
      if (!completed.isEmpty() && completed.get(0).finishedAt() != null) {
        lastSuccess.merge(job.name(), completed.get(0).finishedAt(), TaskEventMetrics::later);
      }
    }
  }

  @Override
  public void onEvent(TaskEvent event) {
    switch (event.type()) {
      case COMPLETED -> {
        observe(event);
        lastSuccess.merge(event.job(), event.at(), TaskEventMetrics::later);
      }
      case ERROR -> observe(event);
      default -> {
        // FAILED repeats the last ERROR's duration; the rest have none.
      }
    }
  }

  private void observe(TaskEvent event) {
    durations.labelValues(event.job()).observe(event.durationMs() / 1000.0);
  }

  @Override
  public void loaded(ReloadOutcome outcome) {
    if (outcome instanceof ReloadOutcome.Loaded loaded) {
      for (String job : loaded.diff().added()) {
        durations.labelValues(job);
      }
      for (String job : loaded.diff().removed()) {
        durations.remove(job);
        lastSuccess.remove(job);
      }
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
