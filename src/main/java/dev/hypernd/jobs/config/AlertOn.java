package dev.hypernd.jobs.config;

import java.util.Locale;

/** The outcomes an {@code alert} is sent on: {@code on: [failure, error, success]}. */
public enum AlertOn {
  /** The task ended FAILED (retries used up, or the failure is not retryable): the default. */
  FAILURE,
  /** An attempt failed, whether or not it will be retried. */
  ERROR,
  /** The task ended COMPLETED. */
  SUCCESS;

  /** The word of the job file. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
