package dev.hypernd.jobs;

import static java.util.Objects.requireNonNull;

import dev.hypernd.jobs.shell.StdStream;
import java.time.Instant;
import java.util.Optional;

/**
 * One line that a command job or a hook wrote ({@code task.output}, {@code hook.output} in design
 * §10), or the count of lines its rate limit left out there.
 *
 * @param source a job's command or one of its hooks
 * @param at when the line was read (wall clock)
 * @param job the job's name
 * @param taskId the task the command ran for, or whose event the hook reported
 * @param attempt the attempt of that task
 * @param hook the hook's key ({@code on_start}, {@code on_error}, {@code on_failure}, {@code
 *     on_success}) for {@link Source#HOOK}, else empty
 * @param stream stdout or stderr
 * @param line the line, or empty for a count of left-out lines
 * @param cutBytes bytes cut off a line longer than the limit (0 for a whole line)
 * @param suppressed how many lines the rate limit left out (0 for a line)
 */
public record OutputEvent(
    Source source,
    Instant at,
    String job,
    String taskId,
    int attempt,
    Optional<String> hook,
    StdStream stream,
    Optional<String> line,
    long cutBytes,
    long suppressed) {

  /** Where the output came from, and the event name of the structured log. */
  public enum Source {
    TASK("task.output"),
    HOOK("hook.output");

    private final String eventName;

    Source(String eventName) {
      this.eventName = eventName;
    }

    public String eventName() {
      return eventName;
    }
  }

  /** Checks the parts: a line or a count, and a hook name exactly for hook output. */
  public OutputEvent {
    requireNonNull(source, "source cannot be null");
    requireNonNull(at, "at cannot be null");
    requireNonNull(job, "job cannot be null");
    requireNonNull(taskId, "taskId cannot be null");
    requireNonNull(hook, "hook cannot be null");
    requireNonNull(stream, "stream cannot be null");
    requireNonNull(line, "line cannot be null");
    if (hook.isPresent() != (source == Source.HOOK)) {
      throw new IllegalArgumentException("a hook name goes with hook output only: " + hook);
    }
    if (line.isPresent() == (suppressed > 0)) {
      throw new IllegalArgumentException(
          "an output event is a line or a count of suppressed lines, not both or neither");
    }
    if (cutBytes < 0 || suppressed < 0) {
      throw new IllegalArgumentException(
          "cutBytes (" + cutBytes + ") and suppressed (" + suppressed + ") cannot be negative");
    }
  }
}
