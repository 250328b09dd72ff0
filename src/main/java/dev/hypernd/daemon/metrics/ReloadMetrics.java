package dev.hypernd.daemon.metrics;

import dev.hypernd.daemon.ReloadOutcome;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.function.Supplier;

/** The outcome of the latest load of the job file, the first one at start included. */
final class ReloadMetrics {
  private ReloadMetrics() {}

  static void register(Supplier<ReloadOutcome> lastReload, PrometheusRegistry registry) {
    GaugeWithCallback.builder()
        .name("hypernd_config_last_reload_success")
        .help("1 if the latest load of the job file was applied, 0 if it was rejected.")
        .callback(
            callback -> callback.call(lastReload.get() instanceof ReloadOutcome.Loaded ? 1.0 : 0.0))
        .register(registry);
    GaugeWithCallback.builder()
        .name("hypernd_config_last_reload_timestamp_seconds")
        .help("When the latest load of the job file finished, applied or not (Unix time).")
        .unit(Unit.SECONDS)
        .callback(callback -> callback.call(lastReload.get().at().toEpochMilli() / 1000.0))
        .register(registry);
  }
}
