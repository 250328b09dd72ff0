package dev.hypernd.jobs.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code metrics:} block: where {@code hypernd run} serves Prometheus metrics when neither
 * {@code --metrics-listen} nor {@code HYPERND_METRICS_LISTEN} says otherwise.
 *
 * @param listen the {@code listen} address; empty when the file has none (no listener)
 */
public record MetricsConfig(Optional<ListenAddress> listen) {
  public static final MetricsConfig NONE = new MetricsConfig(Optional.empty());

  public MetricsConfig {
    Objects.requireNonNull(listen, "listen");
  }
}
