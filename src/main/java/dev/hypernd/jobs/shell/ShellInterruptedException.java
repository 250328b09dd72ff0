package dev.hypernd.jobs.shell;

/**
 * Thrown by {@link ShellRunner#run} when its thread was interrupted (the engine cancels or times
 * out a task that way) after every process of the job was stopped. It keeps the output captured
 * until then, so that a timeout error can show the stderr tail.
 */
public final class ShellInterruptedException extends InterruptedException {
  private final transient ShellOutcome outcome;

  ShellInterruptedException(String message, ShellOutcome outcome) {
    super(message);
    this.outcome = outcome;
  }

  /** The outcome of the stopped run; its exit code is that of the killed direct child. */
  public ShellOutcome outcome() {
    return outcome;
  }
}
