package dev.hypernd.daemon.metrics;

/**
 * The upper bounds of the task duration histogram, in seconds: eight a doubling, 2^(k/8), from 2^-7
 * s (7.8 ms) to 2^12 s (68 min), then one a doubling up to 2^16 s (18 h).
 *
 * <p>Why so many: Prometheus estimates a quantile by linear interpolation inside the bucket it
 * falls in, so for a job whose attempts all take about the same time (most scheduled jobs) the
 * estimate can be off by up to 95% of that bucket's width. With bounds a factor 2^(1/8) = 1.09
 * apart that is at most 8.6%: {@code histogram_quantile(0.95, ...)} on the dashboard stays within
 * 10% of {@code hypernctl metrics} for jobs from 10 ms to an hour. With the earlier bounds (a
 * factor of 2 to 3 apart) a 12 s job showed as 29 s. Beyond an hour the factor is 2 again: coarse,
 * and fewer series. The bounds are those of a native histogram of schema 3, so a scraper that also
 * keeps native histograms sees the same boundaries.
 *
 * <p>The cost is 158 series per job (the bounds, +Inf, sum and count) instead of 22.
 */
final class DurationBuckets {
  /** Eight buckets per doubling: 2^(1/8) apart. */
  static final int PER_DOUBLING = 8;

  static final int FIRST_EXPONENT = -7;
  static final int FINE_UP_TO_EXPONENT = 12;
  static final int LAST_EXPONENT = 16;

  private DurationBuckets() {}

  static double[] bounds() {
    int fine = (FINE_UP_TO_EXPONENT - FIRST_EXPONENT) * PER_DOUBLING + 1;
    int coarse = LAST_EXPONENT - FINE_UP_TO_EXPONENT;
    double[] bounds = new double[fine + coarse];
    for (int i = 0; i < fine; i++) {
      bounds[i] = Math.pow(2, FIRST_EXPONENT + (double) i / PER_DOUBLING);
    }
    for (int i = 0; i < coarse; i++) {
      bounds[fine + i] = Math.pow(2, FINE_UP_TO_EXPONENT + i + 1);
    }
    return bounds;
  }
}
