package dev.hypernd.jobs.shell;

/**
 * A shell job whose direct child was killed by a signal: {@code killed by signal S (NAME)}. See
 * {@link ShellOutcome} for when a death by signal can be told from an exit status.
 */
public final class ShellSignalException extends ShellJobException {

  /**
   * @throws IllegalArgumentException if {@code outcome} has no signal
   */
  public ShellSignalException(ShellOutcome outcome) {
    super(requireSignal(outcome));
  }

  /** The signal number, such as 9 for SIGKILL. */
  public int signal() {
    return outcome().signal().getAsInt();
  }

  private static ShellOutcome requireSignal(ShellOutcome outcome) {
    if (outcome.signal().isEmpty()) {
      throw new IllegalArgumentException("not a death by signal: " + outcome.describe());
    }
    return outcome;
  }
}
