package dev.hypernd.jobs.config;

import java.util.Objects;

/**
 * One entry of {@code retry_on}. Exit statuses and {@link OnTimeout} apply to command jobs, {@link
 * ExceptionType} to class jobs; the loader rejects the other combinations.
 */
public sealed interface RetryCondition {

  /** Whether this condition can match a failure of the given action. */
  boolean appliesTo(Action action);

  /** A command that exited with this status (1–255). */
  record ExitStatus(int code) implements RetryCondition {
    public ExitStatus {
      if (code < 1 || code > 255) {
        throw new IllegalArgumentException("code (" + code + ") must be within 1–255");
      }
    }

    @Override
    public boolean appliesTo(Action action) {
      return action instanceof CommandAction;
    }
  }

  /** A command attempt killed because it ran past the job's timeout. */
  record OnTimeout() implements RetryCondition {
    @Override
    public boolean appliesTo(Action action) {
      return action instanceof CommandAction;
    }
  }

  /** A class job that threw this exception type or a subclass of it. */
  record ExceptionType(String className) implements RetryCondition {
    public ExceptionType {
      Objects.requireNonNull(className, "className");
    }

    @Override
    public boolean appliesTo(Action action) {
      return action instanceof ClassAction;
    }
  }
}
