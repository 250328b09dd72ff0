package dev.hypernd.daemon.metrics;

import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * {@code hypernd_build_info{version="0.1.0"} 1}: which hypernd a target runs, for dashboards
 * ("versions in the fleet") and for joining onto other series.
 */
final class BuildInfo {
  private BuildInfo() {}

  static void register(String version, PrometheusRegistry registry) {
    Info info =
        Info.builder()
            .name("hypernd_build_info")
            .help("The hypernd version this daemon runs; the value is always 1.")
            .labelNames("version")
            .register(registry);
    info.setLabelValues(version);
  }
}
