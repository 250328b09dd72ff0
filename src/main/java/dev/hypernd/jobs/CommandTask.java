package dev.hypernd.jobs;

import dev.hypernd.engine.TaskAction;
import dev.hypernd.engine.TaskContext;
import dev.hypernd.jobs.shell.OutputLimits;
import dev.hypernd.jobs.shell.ShellJob;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of a command job: each attempt runs the command once, with the submit arguments as
 * {@code "$@"} (a script) or appended (an argument vector) and the task's identity in the
 * environment. The result is the captured stdout; a failure is thrown as the shell package's typed
 * exceptions, which the job's retry rule judges. Each line it writes goes to the output listener as
 * a {@code task.output} event of the attempt, unless the listener ignores them.
 */
final class CommandTask implements TaskAction {
  static final String TASK_ID = "HYPERN_TASK_ID";
  static final String JOB = "HYPERN_JOB";
  static final String ATTEMPT = "HYPERN_ATTEMPT";

  private final ShellJob job;
  private final RunningCommands running;
  private final OutputListener output;
  private final OutputLimits limits;
  private final InstantSource clock;

  CommandTask(
      ShellJob job,
      RunningCommands running,
      OutputListener output,
      OutputLimits limits,
      InstantSource clock) {
    this.job = Objects.requireNonNull(job, "job");
    this.running = Objects.requireNonNull(running, "running");
    this.output = Objects.requireNonNull(output, "output");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Object run(TaskContext context) throws Exception {
    running.started();
    try {
      return job.run(
          arguments(context),
          environment(context),
          OutputForwarder.forTask(
              output, limits, clock, context.jobName(), context.taskId(), context.attempt()));
    } finally {
      running.ended();
    }
  }

  /**
   * Submit arguments as text: a job file's submissions are strings, a Java caller's need not be.
   */
  static List<String> arguments(TaskContext context) {
    return context.args().stream().map(String::valueOf).toList();
  }

  static Map<String, String> environment(TaskContext context) {
    return Map.of(
        TASK_ID,
        context.taskId(),
        JOB,
        context.jobName(),
        ATTEMPT,
        Integer.toString(context.attempt()));
  }

  @Override
  public String toString() {
    return "command " + job.command().command();
  }
}
