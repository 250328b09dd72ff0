package dev.hypernd.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The duration buckets are fine enough for the dashboard's p95: for a job whose attempts all take
 * the same time (the worst case for interpolation), Prometheus' estimate is within 10% of the true
 * value anywhere from 10 ms to an hour.
 */
class DurationBucketsTest {
  @Test
  void boundsRiseByAnEighthOfADoublingFrom8msToAnHourAndAHalfThenByDoublingsTo18Hours() {
    double[] bounds = DurationBuckets.bounds();
    assertThat(bounds[0]).isEqualTo(0.0078125);
    assertThat(bounds).contains(4096.0, 8192.0, 65536.0);
    assertThat(bounds[bounds.length - 1]).isEqualTo(65536.0);
    for (int i = 1; i < bounds.length; i++) {
      assertThat(bounds[i] / bounds[i - 1]).isBetween(1.09, 2.0);
    }
    assertThat(bounds).hasSize(157);
  }

  @Test
  void theP95OfAConstantDurationIsEstimatedWithin10PercentFrom10msToAnHour() {
    double[] bounds = DurationBuckets.bounds();
    double worst = 0;
    for (int i = 0; i <= 2000; i++) {
      double seconds = 0.010 * Math.pow(3600 / 0.010, i / 2000.0);
      double estimate = prometheusQuantile(0.95, bounds, seconds);
      worst = Math.max(worst, Math.abs(estimate - seconds) / seconds);
    }
    assertThat(worst).as("worst relative error of the p95").isLessThanOrEqualTo(0.10);
  }

  @Test
  void theOldBucketsWereTooCoarseForA12SecondJob() {
    double[] old = {
      0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600
    };
    assertThat(prometheusQuantile(0.95, old, 12.06)).isEqualTo(29.0);
    assertThat(prometheusQuantile(0.95, DurationBuckets.bounds(), 12.06))
        .isCloseTo(12.06, org.assertj.core.data.Percentage.withPercentage(10));
  }

  /**
   * What PromQL's histogram_quantile gives for {@code q} when every observation was {@code value}:
   * the bucket it falls in, interpolated linearly from that bucket's lower to its upper bound.
   */
  static double prometheusQuantile(double q, double[] bounds, double value) {
    double lower = 0;
    for (double upper : bounds) {
      if (value <= upper) {
        return lower + (upper - lower) * q;
      }
      lower = upper;
    }
    return lower; // the +Inf bucket: Prometheus returns the highest finite bound
  }
}
