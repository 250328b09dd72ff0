package dev.hypernd.engine;

import dev.hypernd.engine.store.JobCounters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Counters and a duration histogram for one job or for all. Not thread-safe: the scheduler updates
 * and reads it under its lock. Memory is bounded: the histogram is logarithmic and the error table
 * keeps at most {@link #MAX_ERROR_TYPES} types.
 */
final class JobMetrics {
  static final int MAX_ERROR_TYPES = 100;
  private static final int TOP_ERRORS = 10;

  long submitted;
  long completed;
  long failed;
  long retried;
  long cancelled;
  long skipped;
  // Two significant digits keep a job's histogram at a few kilobytes; 1% is plenty for p99.
  private final Histogram durationsMicros = new Histogram(2);
  private final Map<String, Long> errorCounts = new HashMap<>();

  void recordDuration(long micros) {
    durationsMicros.recordValue(Math.max(0, micros));
  }

  void recordError(String type) {
    if (errorCounts.size() >= MAX_ERROR_TYPES && !errorCounts.containsKey(type)) {
      String rarest =
          errorCounts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
      errorCounts.remove(rarest);
    }
    errorCounts.merge(type, 1L, Long::sum);
  }

  /** The counters to keep in the store under {@code key}. */
  JobCounters counters(String key) {
    return new JobCounters(
        key, submitted, completed, failed, retried, cancelled, skipped, errorCounts);
  }

  /** Takes the counters kept by an earlier run; durations start afresh. */
  void restore(JobCounters c) {
    submitted = c.submitted();
    completed = c.completed();
    failed = c.failed();
    retried = c.retried();
    cancelled = c.cancelled();
    skipped = c.skipped();
    errorCounts.clear();
    c.errors().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(MAX_ERROR_TYPES)
        .forEach(e -> errorCounts.put(e.getKey(), e.getValue()));
  }

  MetricsSnapshot snapshot(int running, int pending, long uptimeS) {
    long finished = completed + failed;
    double successRate = finished == 0 ? 0.0 : round(100.0 * completed / finished);
    boolean any = durationsMicros.getTotalCount() > 0;
    List<MetricsSnapshot.ErrorCount> top = new ArrayList<>();
    errorCounts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_ERRORS)
        .forEach(e -> top.add(new MetricsSnapshot.ErrorCount(e.getKey(), e.getValue())));
    return new MetricsSnapshot(
        submitted,
        completed,
        failed,
        retried,
        cancelled,
        skipped,
        any ? round(durationsMicros.getMean() / 1000.0) : 0.0,
        any ? round(durationsMicros.getValueAtPercentile(95) / 1000.0) : 0.0,
        any ? round(durationsMicros.getValueAtPercentile(99) / 1000.0) : 0.0,
        successRate,
        top,
        running,
        pending,
        uptimeS);
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
