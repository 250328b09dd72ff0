package dev.hypernd.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Nearest-rank percentiles of a sample of nanosecond values, reported in microseconds. */
public final class Stats {
  private Stats() {}

  public static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** count, early, p50, p90, p99, p99.9, min, max (µs) of {@code nanos}, which it sorts. */
  public static Map<String, Object> latenessMicros(long[] nanos) {
    Arrays.sort(nanos);
    Map<String, Object> m = new LinkedHashMap<>();
    long early = 0;
    for (long v : nanos) {
      if (v < 0) {
        early++;
      }
    }
    m.put("count", nanos.length);
    m.put("early", early);
    m.put("p50_us", micros(percentile(nanos, 0.50)));
    m.put("p90_us", micros(percentile(nanos, 0.90)));
    m.put("p99_us", micros(percentile(nanos, 0.99)));
    m.put("p999_us", micros(percentile(nanos, 0.999)));
    m.put("min_us", nanos.length == 0 ? null : micros(nanos[0]));
    m.put("max_us", nanos.length == 0 ? null : micros(nanos[nanos.length - 1]));
    return m;
  }

  public static double micros(double nanos) {
    return Math.round(nanos / 100.0) / 10.0;
  }
}
