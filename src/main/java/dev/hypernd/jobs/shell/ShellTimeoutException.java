package dev.hypernd.jobs.shell;

import static java.util.Objects.requireNonNull;

import dev.hypernd.jobs.config.DurationParser;
import java.time.Duration;

/**
 * A shell job that ran past its timeout and was stopped with its whole session. The message is the
 * error text of DESIGN section 4: {@code timeout after 30s}, followed by {@code : } and the last
 * lines the job wrote to stderr, if any. {@link RetryOnExitCodes} retries it when {@code retry_on}
 * lists {@code timeout}, never because of the exit status the killed job happened to return.
 */
public final class ShellTimeoutException extends Exception {
  private final Duration timeout;
  private final transient ShellOutcome outcome;

  public ShellTimeoutException(Duration timeout, ShellOutcome outcome) {
    super(message(timeout, outcome));
    this.timeout = timeout;
    this.outcome = outcome;
  }

  private static String message(Duration timeout, ShellOutcome outcome) {
    requireNonNull(timeout, "timeout cannot be null");
    requireNonNull(outcome, "outcome cannot be null");
    String status = "timeout after " + DurationParser.format(timeout);
    String excerpt = outcome.stderrExcerpt();
    return excerpt.isEmpty() ? status : status + ": " + excerpt;
  }

  /** The job's timeout. */
  public Duration timeout() {
    return timeout;
  }

  /** What the job wrote until it was stopped; its exit code is that of the killed direct child. */
  public ShellOutcome outcome() {
    return outcome;
  }
}
