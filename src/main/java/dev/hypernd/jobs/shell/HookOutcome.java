package dev.hypernd.jobs.shell;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * How a monitor hook ended. A hook never fails the task it reports on; the caller logs any outcome
 * that did not {@link #succeeded()}, with {@link #description()} as the message.
 *
 * @param status how it ended
 * @param description {@code exit status 0}, {@code exit status 3: <stderr excerpt>}, {@code timed
 *     out after 30000 ms}, {@code could not start: <reason>} or {@code interrupted}
 * @param exitCode the exit value, when the hook exited by itself
 * @param stdoutTail the captured standard output
 * @param stderrTail the captured standard error
 * @param duration from start until the hook's processes were gone
 */
public record HookOutcome(
    Status status,
    String description,
    OptionalInt exitCode,
    String stdoutTail,
    String stderrTail,
    Duration duration) {

  /** How a hook ended. */
  public enum Status {
    /** Exited with status 0. */
    SUCCEEDED,
    /** Exited with another status, or its direct child was killed by a signal. */
    FAILED,
    /** Still running at the hook timeout, and stopped. */
    TIMED_OUT,
    /** Could not be started. */
    NOT_STARTED,
    /** The thread running it was interrupted; the hook was stopped. */
    INTERRUPTED
  }

  /** Checks that no part is null. */
  public HookOutcome {
    requireNonNull(status, "status cannot be null");
    requireNonNull(description, "description cannot be null");
    requireNonNull(exitCode, "exitCode cannot be null");
    requireNonNull(stdoutTail, "stdoutTail cannot be null");
    requireNonNull(stderrTail, "stderrTail cannot be null");
    requireNonNull(duration, "duration cannot be null");
  }

  public boolean succeeded() {
    return status == Status.SUCCEEDED;
  }
}
