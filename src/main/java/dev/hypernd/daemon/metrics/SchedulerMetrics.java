package dev.hypernd.daemon.metrics;

import dev.hypernd.engine.MetricsSnapshot;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The engine's own counters and task gauges per job, read from its metrics snapshot at each scrape,
 * so they agree with {@code hypernctl metrics}. The counters are kept in the store, so they carry
 * on across restarts rather than starting again at zero (Prometheus handles either).
 */
final class SchedulerMetrics {
  /**
   * The label that carries the job's name on every per-job series. Not {@code job}: that is the
   * label Prometheus itself attaches to every target (the scrape config's {@code job_name}), and
   * exporters must not emit it, or a default scrape renames it to {@code exported_job}.
   */
  static final String JOB_NAME = "job_name";

  private SchedulerMetrics() {}

  static void register(JobSnapshots snapshots, PrometheusRegistry registry) {
    counter(
        registry,
        snapshots,
        "hypernd_tasks_submitted_total",
        "Tasks created: fires, submits and at_start runs.",
        MetricsSnapshot::totalSubmitted);
    counter(
        registry,
        snapshots,
        "hypernd_tasks_completed_total",
        "Tasks that completed successfully.",
        MetricsSnapshot::totalCompleted);
    counter(
        registry,
        snapshots,
        "hypernd_tasks_failed_total",
        "Tasks that failed: retries exhausted or an error not retried.",
        MetricsSnapshot::totalFailed);
    counter(
        registry,
        snapshots,
        "hypernd_tasks_retried_total",
        "Failed attempts followed by a retry.",
        MetricsSnapshot::totalRetried);
    counter(
        registry,
        snapshots,
        "hypernd_tasks_cancelled_total",
        "Tasks cancelled before they finished.",
        MetricsSnapshot::totalCancelled);
    counter(
        registry,
        snapshots,
        "hypernd_tasks_skipped_total",
        "Fires and delayed tasks dropped by the job's overlap policy.",
        MetricsSnapshot::totalSkipped);
    gauge(
        registry,
        snapshots,
        "hypernd_tasks_running",
        "Tasks with an attempt running now.",
        MetricsSnapshot::running);
    gauge(
        registry,
        snapshots,
        "hypernd_tasks_pending",
        "Tasks waiting: to start, for their delay, or for a retry.",
        MetricsSnapshot::pending);
  }

  private static void counter(
      PrometheusRegistry registry,
      JobSnapshots snapshots,
      String name,
      String help,
      ToDoubleFunction<MetricsSnapshot> value) {
    CounterWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames(JOB_NAME)
        .callback(
            callback ->
                snapshots
                    .current()
                    .forEach((job, snapshot) -> callback.call(value.applyAsDouble(snapshot), job)))
        .register(registry);
  }

  private static void gauge(
      PrometheusRegistry registry,
      JobSnapshots snapshots,
      String name,
      String help,
      ToDoubleFunction<MetricsSnapshot> value) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames(JOB_NAME)
        .callback(
            callback ->
                snapshots
                    .current()
                    .forEach((job, snapshot) -> callback.call(value.applyAsDouble(snapshot), job)))
        .register(registry);
  }
}
