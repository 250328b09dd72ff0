package dev.hypernd.daemon.metrics;

import dev.hypernd.daemon.Daemon;
import dev.hypernd.daemon.Version;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The daemon's Prometheus metrics, labelled by job name only (never the command, which may hold
 * secrets), in the label {@code job_name} ({@code job} is Prometheus's own target label):
 *
 * <ul>
 *   <li>{@code
 *       hypernd_tasks_{submitted,completed,failed,retried,cancelled,skipped}_total{job_name}},
 *       counted since the daemon started
 *   <li>{@code hypernd_tasks_running{job_name}}, {@code hypernd_tasks_pending{job_name}}
 *   <li>{@code hypernd_task_duration_seconds{job_name}}, a histogram of attempt durations
 *   <li>{@code hypernd_last_success_timestamp_seconds{job_name}}
 *   <li>{@code hypernd_config_last_reload_success}, {@code
 *       hypernd_config_last_reload_timestamp_seconds}
 *   <li>{@code hypernd_build_info{version}}
 * </ul>
 *
 * and the Prometheus Java client's own instrumentation of the JVM and the process: {@code jvm_*}
 * (heap and pools, garbage collection, threads, classes, compilation, buffers) and {@code
 * process_*} (CPU seconds, resident memory, open file descriptors, start time).
 */
public final class HyperndMetrics {
  private HyperndMetrics() {}

  /**
   * A registry of {@code daemon}'s metrics, listening to its events from now on; call it before
   * {@link Daemon#start()} so no task is missed.
   */
  public static PrometheusRegistry register(Daemon daemon) {
    PrometheusRegistry registry = new PrometheusRegistry();
    SchedulerMetrics.register(new JobSnapshots(daemon.scheduler()), registry);
    TaskCounters counters = new TaskCounters(registry);
    counters.seed(daemon.scheduler());
    daemon.addListener(counters);
    TaskEventMetrics events = new TaskEventMetrics(registry);
    events.seed(daemon.scheduler());
    daemon.addListener(events);
    ReloadMetrics.register(() -> daemon.status().lastReload(), registry);
    BuildInfo.register(Version.current(), registry);
    JvmMetrics.builder().register(registry);
    return registry;
  }
}
