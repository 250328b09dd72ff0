package dev.hypernd.jobs;

import dev.hypernd.jobs.shell.OutputLimits;
import dev.hypernd.jobs.shell.OutputLines;
import dev.hypernd.jobs.shell.OutputSink;
import dev.hypernd.jobs.shell.StdStream;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the lines of one process (an attempt's command or a hook run) into {@link OutputEvent}s
 * that carry the job, task, attempt and, for a hook, its key.
 */
final class OutputForwarder implements OutputSink {
  private static final Logger log = LoggerFactory.getLogger(OutputForwarder.class);

  private final OutputListener listener;
  private final InstantSource clock;
  private final OutputEvent.Source source;
  private final String job;
  private final String taskId;
  private final int attempt;
  private final Optional<String> hook;

  private OutputForwarder(
      OutputListener listener,
      InstantSource clock,
      OutputEvent.Source source,
      String job,
      String taskId,
      int attempt,
      Optional<String> hook) {
    this.listener = listener;
    this.clock = clock;
    this.source = source;
    this.job = job;
    this.taskId = taskId;
    this.attempt = attempt;
    this.hook = hook;
  }

  /** The lines of one attempt of a command job, or none when the listener ignores them. */
  static OutputLines forTask(
      OutputListener listener,
      OutputLimits limits,
      InstantSource clock,
      String job,
      String taskId,
      int attempt) {
    if (listener == OutputListener.IGNORE) {
      return OutputLines.discard();
    }
    return OutputLines.to(
        new OutputForwarder(
            listener, clock, OutputEvent.Source.TASK, job, taskId, attempt, Optional.empty()),
        limits);
  }

  /** The lines of one run of {@code hook} about an attempt of a task. */
  static OutputLines forHook(
      OutputListener listener,
      OutputLimits limits,
      InstantSource clock,
      String job,
      String taskId,
      int attempt,
      String hook) {
    if (listener == OutputListener.IGNORE) {
      return OutputLines.discard();
    }
    return OutputLines.to(
        new OutputForwarder(
            listener, clock, OutputEvent.Source.HOOK, job, taskId, attempt, Optional.of(hook)),
        limits);
  }

  @Override
  public void line(StdStream stream, String text, long cutBytes) {
    forward(
        new OutputEvent(
            source,
            clock.instant(),
            job,
            taskId,
            attempt,
            hook,
            stream,
            Optional.of(text),
            cutBytes,
            0));
  }

  @Override
  public void suppressed(StdStream stream, long count) {
    forward(
        new OutputEvent(
            source,
            clock.instant(),
            job,
            taskId,
            attempt,
            hook,
            stream,
            Optional.empty(),
            0,
            count));
  }

  /**
   * A failing listener loses the line, never the pipe: a reader that stopped would block the job.
   */
  private void forward(OutputEvent event) {
    try {
      listener.onOutput(event);
    } catch (RuntimeException e) {
      log.warn("an output line of job {} (task {}) was lost: {}", job, taskId, e.toString(), e);
    }
  }
}
