package dev.hypernd.daemon.metrics;

import dev.hypernd.engine.MetricsSnapshot;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The task gauges per job ({@code hypernd_tasks_running}, {@code hypernd_tasks_pending}), read from
 * the engine's metrics snapshot at each scrape, so they agree with {@code hypernctl metrics}. The
 * counters are {@link TaskCounters}.
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
