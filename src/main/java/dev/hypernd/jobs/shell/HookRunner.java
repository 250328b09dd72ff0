package dev.hypernd.jobs.shell;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Runs monitor hooks ({@code on_error}, {@code on_failure}, …): a shell command that receives one
 * event as JSON on stdin, in a session of its own, stopped (SIGTERM, grace, SIGKILL) when it runs
 * longer than the hook timeout. Every ending is returned as a {@link HookOutcome}, never thrown, so
 * that a broken hook cannot break the task it reports on.
 *
 * <p>Thread-safe.
 */
public final class HookRunner {
  /** The hook timeout unless configured. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final ShellConfig config;
  private final Duration timeout;

  public HookRunner(ShellConfig config, Duration timeout) {
    this.config = requireNonNull(config, "config cannot be null");
    this.timeout = requireNonNull(timeout, "timeout cannot be null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout (" + timeout + ") must be positive");
    }
  }

  /** A runner with {@link ShellConfig#DEFAULTS} and {@link #DEFAULT_TIMEOUT}. */
  public HookRunner() {
    this(ShellConfig.DEFAULTS, DEFAULT_TIMEOUT);
  }

  /** Like {@link #run(ShellCommand, String, Map, OutputLines)}, its lines only captured. */
  public HookOutcome run(ShellCommand hook, String eventJson, Map<String, String> extraEnv) {
    return run(hook, eventJson, extraEnv, OutputLines.discard());
  }

  /**
   * Runs {@code hook} with {@code eventJson} on stdin as one line of UTF-8 (a line feed is added
   * unless it ends with one, so that {@code cat >> alerts.log} keeps events apart) and {@code
   * extraEnv} added to its environment, passes its output lines to {@code lines}, and waits until
   * it ends or times out. If the calling thread is interrupted, the hook is stopped, the outcome is
   * {@code INTERRUPTED}, and the thread's interrupt status is set again.
   */
  public HookOutcome run(
      ShellCommand hook, String eventJson, Map<String, String> extraEnv, OutputLines lines) {
    requireNonNull(hook, "hook cannot be null");
    requireNonNull(eventJson, "eventJson cannot be null");
    requireNonNull(extraEnv, "extraEnv cannot be null");
    requireNonNull(lines, "lines cannot be null");
    String input = eventJson.endsWith("\n") ? eventJson : eventJson + "\n";
    JobProcess process;
    try {
      process = JobProcess.start(hook, List.of(), extraEnv, input.getBytes(UTF_8), config, lines);
    } catch (IOException | RuntimeException e) {
      return new HookOutcome(
          HookOutcome.Status.NOT_STARTED,
          "could not start: " + e.getMessage(),
          OptionalInt.empty(),
          "",
          "",
          Duration.ZERO);
    }
    try {
      if (process.awaitExit(timeout)) {
        ShellOutcome outcome = process.finish();
        return new HookOutcome(
            outcome.succeeded() ? HookOutcome.Status.SUCCEEDED : HookOutcome.Status.FAILED,
            outcome.describe(),
            OptionalInt.of(outcome.exitCode()),
            outcome.stdoutTail(),
            outcome.stderrTail(),
            outcome.duration());
      }
      return stopped(
          process, HookOutcome.Status.TIMED_OUT, "timed out after " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      HookOutcome outcome = stopped(process, HookOutcome.Status.INTERRUPTED, "interrupted");
      Thread.currentThread().interrupt();
      return outcome;
    }
  }

  private static HookOutcome stopped(
      JobProcess process, HookOutcome.Status status, String description) {
    ShellOutcome outcome = process.stop();
    return new HookOutcome(
        status,
        description,
        OptionalInt.empty(),
        outcome.stdoutTail(),
        outcome.stderrTail(),
        outcome.duration());
  }
}
