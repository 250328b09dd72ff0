package dev.hypernd.jobs.shell;

/** A shell job that exited with a non-zero status: {@code exit status N[: stderr excerpt]}. */
public final class ShellExitException extends ShellJobException {

  /**
   * @throws IllegalArgumentException if {@code outcome} succeeded or was a death by signal
   */
  public ShellExitException(ShellOutcome outcome) {
    super(requireExit(outcome));
  }

  private static ShellOutcome requireExit(ShellOutcome outcome) {
    if (outcome.succeeded() || outcome.signal().isPresent()) {
      throw new IllegalArgumentException("not a failed exit: " + outcome.describe());
    }
    return outcome;
  }
}
