package dev.hypernd.jobs.shell;

/**
 * A shell job that ran and failed: it exited with a non-zero status ({@link ShellExitException}) or
 * was killed by a signal ({@link ShellSignalException}). The message is the error text of DESIGN
 * section 4, such as {@code exit status 3: disk full}; the captured output is kept.
 */
public abstract sealed class ShellJobException extends Exception
    permits ShellExitException, ShellSignalException {
  private final transient ShellOutcome outcome;

  ShellJobException(ShellOutcome outcome) {
    super(outcome.describe());
    this.outcome = outcome;
  }

  /** The exception that describes a failed {@code outcome}. */
  public static ShellJobException of(ShellOutcome outcome) {
    return outcome.signal().isPresent()
        ? new ShellSignalException(outcome)
        : new ShellExitException(outcome);
  }

  /** The whole outcome of the failed run. */
  public ShellOutcome outcome() {
    return outcome;
  }

  /** The raw exit value, 128 + N after a death by signal N; what {@code retry_on} matches. */
  public int exitCode() {
    return outcome.exitCode();
  }

  /** The captured standard output. */
  public String stdoutTail() {
    return outcome.stdoutTail();
  }

  /** The captured standard error. */
  public String stderrTail() {
    return outcome.stderrTail();
  }
}
