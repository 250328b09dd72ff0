package dev.hypernd.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of design §5 at one moment, for all jobs or for one.
 *
 * @param topErrors error types with counts, most frequent first
 */
public record MetricsSnapshot(
    long totalSubmitted,
    long totalCompleted,
    long totalFailed,
    long totalRetried,
    long totalCancelled,
    long totalSkipped,
    double avgDurationMs,
    double p95DurationMs,
    double p99DurationMs,
    double successRate,
    List<ErrorCount> topErrors,
    int running,
    int pending,
    long uptimeS) {

  public MetricsSnapshot {
    topErrors = List.copyOf(topErrors);
  }

  /** An error type and how often it ended an attempt. */
  public record ErrorCount(String type, long count) {}

  /**
   * The reference keys, in the reference order, then the extras. {@code top_errors} is a list of
   * {@code {"type": ..., "count": ...}} maps.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total_submitted", totalSubmitted);
    m.put("total_completed", totalCompleted);
    m.put("total_failed", totalFailed);
    m.put("total_retried", totalRetried);
    m.put("total_cancelled", totalCancelled);
    m.put("avg_duration_ms", avgDurationMs);
    m.put("p95_duration_ms", p95DurationMs);
    m.put("p99_duration_ms", p99DurationMs);
    m.put("success_rate", successRate);
    m.put(
        "top_errors",
        topErrors.stream()
            .map(e -> Map.<String, Object>of("type", e.type(), "count", e.count()))
            .toList());
    m.put("total_skipped", totalSkipped);
    m.put("running", running);
    m.put("pending", pending);
    m.put("uptime_s", uptimeS);
    return m;
  }
}
