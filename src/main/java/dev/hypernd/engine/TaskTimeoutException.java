package dev.hypernd.engine;

import java.time.Duration;

/** The error of an attempt that ran past its job's timeout. */
public final class TaskTimeoutException extends Exception {
  private final Duration timeout;

  public TaskTimeoutException(Duration timeout) {
    super("timeout after " + Durations.format(timeout));
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }
}
