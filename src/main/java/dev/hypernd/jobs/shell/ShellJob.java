package dev.hypernd.jobs.shell;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A shell command as a task action: its result is the captured stdout on exit status 0, and any
 * other ending is thrown as a typed exception that {@link RetryOnExitCodes} understands.
 */
public final class ShellJob {
  private final ShellRunner runner;
  private final ShellCommand command;
  private final Optional<Duration> timeout;

  /** A job without a timeout of its own. */
  public ShellJob(ShellRunner runner, ShellCommand command) {
    this(runner, command, Optional.empty());
  }

  /**
   * @param timeout when present, each run is stopped after this long and fails with {@link
   *     ShellTimeoutException}
   */
  public ShellJob(ShellRunner runner, ShellCommand command, Optional<Duration> timeout) {
    this.runner = requireNonNull(runner, "runner cannot be null");
    this.command = requireNonNull(command, "command cannot be null");
    this.timeout = requireNonNull(timeout, "timeout cannot be null");
  }

  public ShellCommand command() {
    return command;
  }

  public Optional<Duration> timeout() {
    return timeout;
  }

  /**
   * Runs the command once.
   *
   * @return the captured stdout (head and tail) of a run that exited with status 0
   * @throws ShellExitException if it exited with another status
   * @throws ShellSignalException if its direct child was killed by a signal
   * @throws ShellTimeoutException if it ran past the timeout and was stopped
   * @throws ShellInterruptedException if the calling thread was interrupted; see {@link
   *     ShellRunner#run}
   * @throws IOException if it could not be started
   */
  public String run(List<String> args, Map<String, String> extraEnv)
      throws ShellJobException, ShellTimeoutException, InterruptedException, IOException {
    return run(args, extraEnv, OutputLines.discard());
  }

  /**
   * Like {@link #run(List, Map)}, passing each output line to {@code lines} as well as capturing
   * it.
   */
  public String run(List<String> args, Map<String, String> extraEnv, OutputLines lines)
      throws ShellJobException, ShellTimeoutException, InterruptedException, IOException {
    ShellOutcome outcome =
        timeout.isPresent()
            ? runner.run(command, args, extraEnv, timeout.get(), lines)
            : runner.run(command, args, extraEnv, lines);
    if (!outcome.succeeded()) {
      throw ShellJobException.of(outcome);
    }
    return outcome.stdoutTail();
  }
}
