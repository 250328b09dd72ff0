package dev.hypernd.jobs.shell;

import static java.util.Objects.requireNonNull;

import dev.hypernd.jobs.config.DurationParser;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs shell jobs on Linux, each in a session and process group of its own, with stdin from {@code
 * /dev/null}, bounded capture of stdout and stderr, and the whole process tree stopped on
 * interrupt.
 *
 * <p>A run ends when the job's direct child ({@code sh} for a script, the program for an argument
 * vector) exits, as with cron. Processes it leaves running in its session, such as {@code sleep
 * 1000 &}, are then stopped like a cancelled job (SIGTERM, grace, SIGKILL) unless {@link
 * ShellConfig#killLeftovers()} is off, so that nothing a job started outlives it unnoticed;
 * systemd's {@code KillMode=control-group} does the same for a service's cgroup.
 *
 * <p>Thread-safe: one runner serves any number of concurrent runs.
 */
public final class ShellRunner {
  private static final Logger log = LoggerFactory.getLogger(ShellRunner.class);

  private final ShellConfig config;

  public ShellRunner(ShellConfig config) {
    this.config = requireNonNull(config, "config cannot be null");
  }

  /** A runner with {@link ShellConfig#DEFAULTS}. */
  public ShellRunner() {
    this(ShellConfig.DEFAULTS);
  }

  /**
   * Runs {@code command} with submit arguments {@code args} and {@code extraEnv} (such as {@code
   * HYPERN_TASK_ID}, {@code HYPERN_JOB}, {@code HYPERN_ATTEMPT}) added to the environment, and
   * waits until it ends. Any exit status is returned, not thrown; see {@link ShellJob} for that.
   *
   * @throws ShellInterruptedException if the calling thread is interrupted (cancel, timeout):
   *     thrown once every process of the job has been stopped, carrying the output so far
   * @throws IOException if the job cannot be started (no such working directory, no {@code
   *     /usr/bin/setsid}); a program that cannot be found is reported as exit status 127 instead,
   *     as a shell would
   */
  public ShellOutcome run(ShellCommand command, List<String> args, Map<String, String> extraEnv)
      throws InterruptedException, IOException {
    return run(command, args, extraEnv, OutputLines.discard());
  }

  /**
   * Like {@link #run(ShellCommand, List, Map)}, passing each output line to {@code lines} as well
   * as capturing it. Every line has been passed on when this returns.
   */
  public ShellOutcome run(
      ShellCommand command, List<String> args, Map<String, String> extraEnv, OutputLines lines)
      throws InterruptedException, IOException {
    requireNonNull(command, "command cannot be null");
    requireNonNull(args, "args cannot be null");
    requireNonNull(extraEnv, "extraEnv cannot be null");
    requireNonNull(lines, "lines cannot be null");
    JobProcess job = JobProcess.start(command, args, extraEnv, new byte[0], config, lines);
    try {
      job.awaitExit();
    } catch (InterruptedException e) {
      throw interrupted(job, job.stop());
    }
    return finished(job);
  }

  /**
   * Like {@link #run(ShellCommand, List, Map)}, but stops the job (SIGTERM to its whole session,
   * grace, SIGKILL) once it has run for {@code timeout}. The run times itself, rather than leaving
   * it to whoever interrupts the thread, so that the error can carry what the job wrote to stderr
   * until it was stopped, and so that the attempt is over only once its processes are gone.
   *
   * @throws ShellTimeoutException if the job ran past {@code timeout}; thrown once every process of
   *     the job has been stopped
   */
  public ShellOutcome run(
      ShellCommand command, List<String> args, Map<String, String> extraEnv, Duration timeout)
      throws InterruptedException, IOException, ShellTimeoutException {
    return run(command, args, extraEnv, timeout, OutputLines.discard());
  }

  /**
   * Like {@link #run(ShellCommand, List, Map, Duration)}, passing each output line to {@code lines}
   * as well as capturing it.
   */
  public ShellOutcome run(
      ShellCommand command,
      List<String> args,
      Map<String, String> extraEnv,
      Duration timeout,
      OutputLines lines)
      throws InterruptedException, IOException, ShellTimeoutException {
    requireNonNull(command, "command cannot be null");
    requireNonNull(args, "args cannot be null");
    requireNonNull(extraEnv, "extraEnv cannot be null");
    requireNonNull(timeout, "timeout cannot be null");
    requireNonNull(lines, "lines cannot be null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout (" + timeout + ") must be positive");
    }
    JobProcess job = JobProcess.start(command, args, extraEnv, new byte[0], config, lines);
    boolean exited;
    try {
      exited = job.awaitExit(timeout);
    } catch (InterruptedException e) {
      throw interrupted(job, job.stop());
    }
    if (!exited) {
      ShellOutcome outcome = job.stop();
      log.info(
          "job {} (pid {}) timed out after {}; its processes were stopped",
          job.jobName(),
          job.pid(),
          DurationParser.format(timeout));
      throw new ShellTimeoutException(timeout, outcome);
    }
    return finished(job);
  }

  private ShellOutcome finished(JobProcess job) throws ShellInterruptedException {
    ShellOutcome outcome = job.finish();
    if (Thread.currentThread().isInterrupted()) {
      // Cancelled while its leftovers were being stopped: the caller no longer wants the result.
      throw interrupted(job, outcome);
    }
    log.debug(
        "job {} (pid {}) exited with {} after {} ms",
        job.jobName(),
        job.pid(),
        outcome.exitCode(),
        outcome.duration().toMillis());
    return outcome;
  }

  private static ShellInterruptedException interrupted(JobProcess job, ShellOutcome outcome) {
    Thread.interrupted(); // the exception carries the interrupt now
    String message =
        "job "
            + job.jobName()
            + " interrupted after "
            + outcome.duration().toMillis()
            + " ms; its processes were stopped";
    log.info("{} (pid {})", message, job.pid());
    return new ShellInterruptedException(message, outcome);
  }
}
