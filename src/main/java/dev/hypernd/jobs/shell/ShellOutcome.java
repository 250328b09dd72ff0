package dev.hypernd.jobs.shell;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * How one run of a shell command ended.
 *
 * <p>Java reports a child killed by signal N as exit value 128 + N, which is also what a process
 * returns with {@code exit(128 + N)}, so the two cannot be told apart. The value is read by the
 * form of the command ({@link #of}):
 *
 * <ul>
 *   <li>A script's direct child is {@code sh}, and a shell reports a command that died of signal N
 *       as its own exit status 128 + N. So a script's exit value is an exit status, described as
 *       {@code exit status 137 (128+SIGKILL)}; even when {@code sh} itself was killed.
 *   <li>An argument vector's direct child is the program itself, which normally exits with a small
 *       status; 128 + N (N a standard signal, 1 to 31) is taken as death by signal N, described as
 *       {@code killed by signal 9 (SIGKILL)}; even when the program called {@code exit(137)}.
 * </ul>
 *
 * Either way {@link #exitCode()} keeps the raw value, so {@code retry_on: [137]} means the same for
 * both forms.
 *
 * @param exitCode the exit value Java reported (128 + N after a death by signal N), or -1 when the
 *     direct child could not be killed
 * @param signal the signal the direct child died of, for the argument-vector form
 * @param stdoutTail the captured standard output (head, omission marker, tail)
 * @param stderrTail the captured standard error (head, omission marker, tail)
 * @param duration from start until the job's processes were gone and its output read
 * @param pid the direct child's pid, which is also its process group and session id
 */
public record ShellOutcome(
    int exitCode,
    OptionalInt signal,
    String stdoutTail,
    String stderrTail,
    Duration duration,
    long pid) {

  private static final int EXCERPT_LINES = 3;
  private static final int EXCERPT_CHARS = 300;

  /** Checks that no part is null. */
  public ShellOutcome {
    requireNonNull(signal, "signal cannot be null");
    requireNonNull(stdoutTail, "stdoutTail cannot be null");
    requireNonNull(stderrTail, "stderrTail cannot be null");
    requireNonNull(duration, "duration cannot be null");
  }

  /** Reads {@code exitValue} as the class comment explains for {@code form}. */
  static ShellOutcome of(
      ShellCommand.Form form,
      int exitValue,
      String stdoutTail,
      String stderrTail,
      Duration duration,
      long pid) {
    OptionalInt signal =
        form == ShellCommand.Form.ARGV ? Signals.fromExitValue(exitValue) : OptionalInt.empty();
    return new ShellOutcome(exitValue, signal, stdoutTail, stderrTail, duration, pid);
  }

  /** Whether the command exited with status 0. */
  public boolean succeeded() {
    return exitCode == 0 && signal.isEmpty();
  }

  /**
   * {@code exit status N} or {@code killed by signal S (NAME)}, followed by {@code : } and the last
   * few non-blank lines of stderr, if any; the error text of a failed shell job.
   */
  public String describe() {
    String status =
        signal.isPresent()
            ? "killed by signal " + signal.getAsInt() + " (" + Signals.name(signal.getAsInt()) + ")"
            : "exit status " + exitCode + shellSignalHint();
    String excerpt = stderrExcerpt();
    return excerpt.isEmpty() ? status : status + ": " + excerpt;
  }

  private String shellSignalHint() {
    OptionalInt shellSignal = Signals.fromExitValue(exitCode);
    return shellSignal.isPresent() ? " (128+" + Signals.name(shellSignal.getAsInt()) + ")" : "";
  }

  /**
   * The last few non-blank lines of stderr, at most 300 characters (older text cut off and marked
   * with an ellipsis); empty when the job wrote nothing there.
   */
  public String stderrExcerpt() {
    List<String> lines = stderrTail.lines().filter(line -> !line.isBlank()).toList();
    String excerpt =
        String.join("\n", lines.subList(Math.max(0, lines.size() - EXCERPT_LINES), lines.size()));
    if (excerpt.length() <= EXCERPT_CHARS) {
      return excerpt;
    }
    int from = excerpt.length() - (EXCERPT_CHARS - 1);
    if (Character.isLowSurrogate(excerpt.charAt(from))) {
      from++;
    }
    return "…" + excerpt.substring(from);
  }
}
