package dev.hypernd.engine;

import dev.hypernd.engine.store.JobCounters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Counters and a duration histogram for one job or for all. Thread-safe without a lock on the hot
 * path: counters are {@link LongAdder}s and the histogram records wait-free; only the error table
 * (touched by failed attempts) is synchronized. Memory is bounded: the histogram is logarithmic and
 * the error table keeps at most {@link #MAX_ERROR_TYPES} types.
 */
final class JobMetrics {
  static final int MAX_ERROR_TYPES = 100;
  private static final int TOP_ERRORS = 10;

  final LongAdder submitted = new LongAdder();
  final LongAdder completed = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder retried = new LongAdder();
  final LongAdder cancelled = new LongAdder();
  final LongAdder skipped = new LongAdder();
  // Two significant digits keep a job's histogram at a few kilobytes; 1% is plenty for p99.
  private final Histogram durationsMicros = new ConcurrentHistogram(2);
  private final Map<String, Long> errorCounts = new HashMap<>();

  /** The key of these counters in the store: the job's name, or {@link JobCounters#TOTAL}. */
  volatile String key;

  /**
   * Changed since last saved; set by a change, cleared by the thread that saves (EngineMetrics).
   */
  final AtomicBoolean dirty = new AtomicBoolean();

  void recordDuration(long micros) {
    durationsMicros.recordValue(Math.max(0, micros));
  }

  synchronized void recordError(String type) {
    if (errorCounts.size() >= MAX_ERROR_TYPES && !errorCounts.containsKey(type)) {
      String rarest =
          errorCounts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
      errorCounts.remove(rarest);
    }
    errorCounts.merge(type, 1L, Long::sum);
  }

  /** The counters to keep in the store under {@code key}. */
  synchronized JobCounters counters(String key) {
    return new JobCounters(
        key,
        submitted.sum(),
        completed.sum(),
        failed.sum(),
        retried.sum(),
        cancelled.sum(),
        skipped.sum(),
        errorCounts);
  }

  /** Takes the counters kept by an earlier run; durations start afresh. */
  synchronized void restore(JobCounters c) {
    set(submitted, c.submitted());
    set(completed, c.completed());
    set(failed, c.failed());
    set(retried, c.retried());
    set(cancelled, c.cancelled());
    set(skipped, c.skipped());
    errorCounts.clear();
    c.errors().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(MAX_ERROR_TYPES)
        .forEach(e -> errorCounts.put(e.getKey(), e.getValue()));
  }

  private static void set(LongAdder adder, long value) {
    adder.reset();
    adder.add(value);
  }

  synchronized MetricsSnapshot snapshot(int running, int pending, long uptimeS) {
    long done = completed.sum();
    long finished = done + failed.sum();
    double successRate = finished == 0 ? 0.0 : round(100.0 * done / finished);
    Histogram durations = durationsMicros.copy();
    boolean any = durations.getTotalCount() > 0;
    List<MetricsSnapshot.ErrorCount> top = new ArrayList<>();
    errorCounts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_ERRORS)
        .forEach(e -> top.add(new MetricsSnapshot.ErrorCount(e.getKey(), e.getValue())));
    return new MetricsSnapshot(
        submitted.sum(),
        done,
        failed.sum(),
        retried.sum(),
        cancelled.sum(),
        skipped.sum(),
        any ? round(durations.getMean() / 1000.0) : 0.0,
        any ? round(durations.getValueAtPercentile(95) / 1000.0) : 0.0,
        any ? round(durations.getValueAtPercentile(99) / 1000.0) : 0.0,
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
