package dev.hypernd.jobs.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code retry:} block as written, where every key may be absent. A job's block is laid over the
 * defaults' block key by key ({@link #over}); {@link #resolve} fills what is still absent from
 * {@link RetryConfig#NONE}, except that an absent {@code max_delay} never caps an explicit {@code
 * backoff}: it is {@code max(60s, backoff)}.
 */
public record RetryBlock(
    Optional<Integer> maxRetries,
    Optional<Duration> backoff,
    Optional<Double> backoffFactor,
    Optional<Duration> maxDelay,
    Optional<List<RetryCondition>> retryOn) {

  public static final RetryBlock EMPTY =
      new RetryBlock(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public RetryBlock {
    Objects.requireNonNull(maxRetries, "maxRetries");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(backoffFactor, "backoffFactor");
    Objects.requireNonNull(maxDelay, "maxDelay");
    retryOn = retryOn.map(List::copyOf);
  }

  /** This block with every key that {@code base} sets and this block does not. */
  public RetryBlock over(RetryBlock base) {
    return new RetryBlock(
        maxRetries.or(base::maxRetries),
        backoff.or(base::backoff),
        backoffFactor.or(base::backoffFactor),
        maxDelay.or(base::maxDelay),
        retryOn.or(base::retryOn));
  }

  /** The backoff this block yields once resolved. */
  Duration effectiveBackoff() {
    return backoff.orElse(RetryConfig.NONE.backoff());
  }

  private Duration effectiveMaxDelay() {
    return maxDelay.orElseGet(() -> max(RetryConfig.NONE.maxDelay(), effectiveBackoff()));
  }

  /** Whether an explicit max_delay is shorter than the backoff, which {@link #resolve} rejects. */
  boolean maxDelayBelowBackoff() {
    return maxDelay.isPresent() && maxDelay.get().compareTo(effectiveBackoff()) < 0;
  }

  /**
   * The policy this block describes.
   *
   * @throws IllegalArgumentException if an explicit max_delay is below the backoff
   */
  public RetryConfig resolve() {
    return new RetryConfig(
        maxRetries.orElse(RetryConfig.NONE.maxRetries()),
        effectiveBackoff(),
        backoffFactor.orElse(RetryConfig.NONE.backoffFactor()),
        effectiveMaxDelay(),
        retryOn.orElse(List.of()));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
