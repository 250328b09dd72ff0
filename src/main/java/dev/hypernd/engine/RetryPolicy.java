package dev.hypernd.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How a failed attempt is retried (design §4). Immutable; made by {@link #builder()}.
 *
 * <p>{@code maxRetries = 3} allows at most 4 attempts. The delay before retry {@code k} (0 for the
 * first retry) is {@code min(backoff * backoffFactor^k, maxDelay)}. An error is retried when it
 * matches {@code retryOn} (an instance of a listed class or a subclass) or {@code retryIf}; when
 * neither is given, every error is retried.
 */
public final class RetryPolicy {
  private static final RetryPolicy NONE = builder().maxRetries(0).build();

  private final int maxRetries;
  private final Duration backoff;
  private final double backoffFactor;
  private final Duration maxDelay;
  private final List<Class<? extends Throwable>> retryOn;
  private final Predicate<Throwable> retryIf;

  private RetryPolicy(Builder b) {
    this.maxRetries = b.maxRetries;
    this.backoff = b.backoff;
    this.backoffFactor = b.backoffFactor;
    this.maxDelay = b.maxDelay;
    this.retryOn = List.copyOf(b.retryOn);
    this.retryIf = b.retryIf;
  }

  /** A policy that never retries: one attempt. */
  public static RetryPolicy none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int maxRetries() {
    return maxRetries;
  }

  public Duration backoff() {
    return backoff;
  }

  public double backoffFactor() {
    return backoffFactor;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  public List<Class<? extends Throwable>> retryOn() {
    return retryOn;
  }

  /** The delay before retry {@code k}, where 0 is the first retry. */
  public Duration delayBeforeRetry(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("retry index (" + k + ") must be >= 0");
    }
    double nanos = backoff.toNanos() * Math.pow(backoffFactor, k);
    long capped = (long) Math.min(nanos, (double) maxDelay.toNanos());
    return Duration.ofNanos(capped);
  }

  /** Whether {@code error} may be retried at all, whatever the count of attempts. */
  public boolean isRetryable(Throwable error) {
    if (retryOn.isEmpty() && retryIf == null) {
      return true;
    }
    for (Class<? extends Throwable> type : retryOn) {
      if (type.isInstance(error)) {
        return true;
      }
    }
    return retryIf != null && retryIf.test(error);
  }

  /** Whether another attempt follows after {@code attemptsMade} attempts ended in {@code error}. */
  public boolean shouldRetry(Throwable error, int attemptsMade) {
    return attemptsMade <= maxRetries && isRetryable(error);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries="
        + maxRetries
        + ", backoff="
        + Durations.format(backoff)
        + ", backoffFactor="
        + backoffFactor
        + ", maxDelay="
        + Durations.format(maxDelay)
        + ", retryOn="
        + retryOn
        + (retryIf == null ? "" : ", retryIf=" + retryIf)
        + '}';
  }

  /** Validates each value as it is set; {@link #build()} checks the combination. */
  public static final class Builder {
    private int maxRetries = 0;
    private Duration backoff = Duration.ofSeconds(1);
    private double backoffFactor = 2.0;
    private Duration maxDelay = Duration.ofSeconds(60);
    private final List<Class<? extends Throwable>> retryOn = new ArrayList<>();
    private Predicate<Throwable> retryIf;

    private Builder() {}

    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries (" + maxRetries + ") must be >= 0");
      }
      this.maxRetries = maxRetries;
      return this;
    }

    public Builder backoff(Duration backoff) {
      Objects.requireNonNull(backoff, "backoff");
      if (backoff.isNegative() || backoff.isZero()) {
        throw new IllegalArgumentException("backoff (" + backoff + ") must be positive");
      }
      this.backoff = backoff;
      return this;
    }

    public Builder backoffFactor(double backoffFactor) {
      if (!(backoffFactor >= 1.0) || Double.isInfinite(backoffFactor)) {
        throw new IllegalArgumentException(
            "backoffFactor (" + backoffFactor + ") must be a finite number >= 1.0");
      }
      this.backoffFactor = backoffFactor;
      return this;
    }

    public Builder maxDelay(Duration maxDelay) {
      Objects.requireNonNull(maxDelay, "maxDelay");
      if (maxDelay.isNegative() || maxDelay.isZero()) {
        throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must be positive");
      }
      this.maxDelay = maxDelay;
      return this;
    }

    /** Retries only errors of these types (and their subclasses). */
    @SafeVarargs
    public final Builder retryOn(Class<? extends Throwable>... types) {
      for (Class<? extends Throwable> type : types) {
        retryOn.add(Objects.requireNonNull(type, "retryOn type"));
      }
      return this;
    }

    /** Retries errors for which {@code predicate} holds, in addition to {@link #retryOn}. */
    public Builder retryIf(Predicate<Throwable> predicate) {
      this.retryIf = Objects.requireNonNull(predicate, "retryIf");
      return this;
    }

    public RetryPolicy build() {
      if (maxDelay.compareTo(backoff) < 0) {
        throw new IllegalStateException(
            "maxDelay ("
                + Durations.format(maxDelay)
                + ") must not be shorter than backoff ("
                + Durations.format(backoff)
                + ")");
      }
      return new RetryPolicy(this);
    }
  }
}
