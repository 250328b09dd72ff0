package dev.hypernd.jobs.shell;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The {@code retry_on} rule of a shell job: which failures are worth another attempt. A {@link
 * ShellJobException} is retried when its raw exit code (128 + N for signal N) is listed; a timeout
 * ({@link ShellTimeoutException}, or the engine's own timeout failure) is retried when {@code
 * timeout} is listed; nothing else is.
 *
 * <p>Only the throwable itself is looked at, not its causes: the engine hands over what the action
 * threw, and a wrapped failure is not one the job file named.
 */
public final class RetryOnExitCodes implements Predicate<Throwable> {
  private final Set<Integer> exitCodes;
  private final boolean onTimeout;
  private final Predicate<Throwable> isTimeout;

  /**
   * @param exitCodes exit codes to retry, each 1 to 255
   * @param onTimeout whether a timeout is retried
   * @param isTimeout recognises the engine's timeout failure, such as {@code t -> t instanceof
   *     TaskTimeoutException}; this package cannot see the engine's types
   */
  public RetryOnExitCodes(
      Set<Integer> exitCodes, boolean onTimeout, Predicate<Throwable> isTimeout) {
    requireNonNull(exitCodes, "exitCodes cannot be null");
    for (Integer code : exitCodes) {
      requireNonNull(code, "an exit code cannot be null");
      if (code < 1 || code > 255) {
        throw new IllegalArgumentException("exit code (" + code + ") must be between 1 and 255");
      }
    }
    this.exitCodes = Set.copyOf(exitCodes);
    this.onTimeout = onTimeout;
    this.isTimeout = requireNonNull(isTimeout, "isTimeout cannot be null");
  }

  @Override
  public boolean test(Throwable failure) {
    if (failure instanceof ShellTimeoutException) {
      return onTimeout;
    }
    if (failure instanceof ShellJobException shellFailure) {
      return exitCodes.contains(shellFailure.exitCode());
    }
    return onTimeout && failure != null && isTimeout.test(failure);
  }

  @Override
  public String toString() {
    return "retry on exit codes " + new TreeSet<>(exitCodes) + (onTimeout ? " and timeout" : "");
  }
}
