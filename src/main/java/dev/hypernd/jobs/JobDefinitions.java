package dev.hypernd.jobs;

import dev.hypernd.engine.JobDefinition;
import dev.hypernd.engine.TaskAction;
import dev.hypernd.jobs.config.ClassAction;
import dev.hypernd.jobs.config.CommandAction;
import dev.hypernd.jobs.config.JobConfig;
import dev.hypernd.jobs.config.OutputMode;
import dev.hypernd.jobs.shell.OutputLimits;
import dev.hypernd.jobs.shell.ShellJob;
import dev.hypernd.jobs.shell.ShellRunner;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Turns a job of the job file into the engine's {@link JobDefinition}: schedule, body, retry
 * policy, timeout and overlap.
 *
 * <p>A command job's timeout is timed by its {@link ShellJob}, not by the engine: the run then
 * stops the job's whole session and fails with {@code timeout after D: <stderr tail>}, and the
 * attempt ends only when the processes are gone, so a retry never overlaps its dying predecessor. A
 * class job's timeout is the engine's, which interrupts the body and fails the attempt with {@link
 * dev.hypernd.engine.TaskTimeoutException}.
 */
public final class JobDefinitions {
  private final ShellRunner runner;
  private final RunningCommands running;
  private final OutputListener output;
  private final OutputLimits limits;

  /** Definitions whose command jobs' lines are only captured, not passed on. */
  public JobDefinitions(ShellRunner runner, RunningCommands running) {
    this(runner, running, OutputListener.IGNORE, OutputLimits.DEFAULTS);
  }

  /**
   * @param running counts the command runs of every job defined here, for shutdown
   * @param output gets each line of the command jobs with {@code output: log}
   * @param limits the cut and rate limit of those lines, per attempt
   */
  public JobDefinitions(
      ShellRunner runner, RunningCommands running, OutputListener output, OutputLimits limits) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.running = Objects.requireNonNull(running, "running");
    this.output = Objects.requireNonNull(output, "output");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * @param classes the class loader of the job's configuration, for class jobs
   */
  public JobDefinition define(JobConfig job, ClassLoader classes) {
    JobDefinition.Builder definition =
        JobDefinition.builder(
                job.name(), Schedules.of(job.name(), job.schedule()), body(job, classes))
            .retry(RetryPolicies.of(job.retry(), job.action()))
            .overlap(job.overlap())
            .catchUp(job.catchUp());
    if (job.action() instanceof ClassAction) {
      job.timeout().ifPresent(definition::timeout);
    } else {
      job.timeout().ifPresent(definition::actionTimeout);
    }
    return definition.build();
  }

  private TaskAction body(JobConfig job, ClassLoader classes) {
    if (job.action() instanceof CommandAction command) {
      ShellJob shell =
          new ShellJob(
              runner, Commands.of(job.name(), command, job.env(), job.workdir()), job.timeout());
      OutputListener lines = job.output() == OutputMode.LOG ? output : OutputListener.IGNORE;
      return new CommandTask(shell, running, lines, limits, InstantSource.system());
    }
    return new ClassTask(((ClassAction) job.action()).className(), classes);
  }
}
