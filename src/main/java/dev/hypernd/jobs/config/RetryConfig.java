package dev.hypernd.jobs.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A job's effective retry policy. The delay before retry k (k = 0 for the first retry) is {@code
 * min(backoff × backoffFactor^k, maxDelay)}. An empty {@code retryOn} retries any failure.
 */
public record RetryConfig(
    int maxRetries,
    Duration backoff,
    double backoffFactor,
    Duration maxDelay,
    List<RetryCondition> retryOn) {

  /** The policy of a job when neither the job nor the defaults have a retry block. */
  public static final RetryConfig NONE =
      new RetryConfig(0, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), List.of());

  public RetryConfig {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(maxDelay, "maxDelay");
    retryOn = List.copyOf(retryOn);
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries (" + maxRetries + ") must not be negative");
    }
    if (backoff.isZero() || backoff.isNegative()) {
      throw new IllegalArgumentException("backoff (" + backoff + ") must be positive");
    }
    if (!(backoffFactor >= 1.0) || Double.isInfinite(backoffFactor)) {
      throw new IllegalArgumentException("backoffFactor (" + backoffFactor + ") must be ≥ 1.0");
    }
    if (maxDelay.compareTo(backoff) < 0) {
      throw new IllegalArgumentException(
          "maxDelay (" + maxDelay + ") must be ≥ backoff (" + backoff + ")");
    }
  }
}
