package dev.hypernd.jobs.shell;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One started job or hook: its process in a session of its own, the threads that drain its output,
 * and the two ways it ends ({@link #finish} after it exited, {@link #stop} to kill it).
 *
 * <p>The command is started as {@code /usr/bin/setsid -- COMMAND...}. A process Java starts is not
 * a process group leader (it is in the JVM's group), and then util-linux setsid calls setsid() in
 * place and execs the command without forking; so the process Java knows is the job itself, and its
 * pid is also its process group and session id. ShellRunnerTest checks this.
 */
final class JobProcess {
  private static final Logger log = LoggerFactory.getLogger(JobProcess.class);

  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final File DEV_NULL = new File("/dev/null");

  /**
   * How long the output pipes may stay open once the job's processes are gone or it exited: longer
   * only when a process outside the session (or a tolerated leftover) holds them.
   */
  private static final Duration PIPE_EOF_WAIT = Duration.ofSeconds(1);

  private static final AtomicInteger PIPE_THREAD_COUNT = new AtomicInteger();

  // Each running job uses two threads while it runs (three for a hook's stdin); idle ones end.
  private static final ExecutorService PIPE_THREADS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread =
                new Thread(task, "hypernd-shell-pipe-" + PIPE_THREAD_COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  private final ShellCommand command;
  private final ShellConfig config;
  private final Process process;
  private final ProcessGroup group;
  private final long startNanos;
  private final BoundedCapture stdout;
  private final BoundedCapture stderr;
  private final Future<?> stdoutDrained;
  private final Future<?> stderrDrained;

  private JobProcess(
      ShellCommand command,
      ShellConfig config,
      Process process,
      long startNanos,
      OutputLines lines) {
    this.command = command;
    this.config = config;
    this.process = process;
    this.group = new ProcessGroup(process, command.jobName());
    this.startNanos = startNanos;
    this.stdout = new BoundedCapture(config.headBytes(), config.tailBytes());
    this.stderr = new BoundedCapture(config.headBytes(), config.tailBytes());
    this.stdoutDrained =
        PIPE_THREADS.submit(
            () -> OutputDrain.drain(process.getInputStream(), stdout, lines, StdStream.STDOUT));
    this.stderrDrained =
        PIPE_THREADS.submit(
            () -> OutputDrain.drain(process.getErrorStream(), stderr, lines, StdStream.STDERR));
  }

  /**
   * Starts {@code command} with submit arguments {@code args}, the daemon's environment plus the
   * command's plus {@code extraEnv}, and {@code input} on stdin ({@code /dev/null} when empty); its
   * output lines go to {@code lines} as well as to the bounded capture.
   */
  static JobProcess start(
      ShellCommand command,
      List<String> args,
      Map<String, String> extraEnv,
      byte[] input,
      ShellConfig config,
      OutputLines lines)
      throws IOException {
    if (!Files.isExecutable(SETSID)) {
      throw new IOException(
          "cannot start job "
              + command.jobName()
              + ": "
              + SETSID
              + " (util-linux) is missing; it puts every job in a session of its own");
    }
    List<String> line = new ArrayList<>(List.of(SETSID.toString(), "--"));
    line.addAll(command.commandLine(args));
    ProcessBuilder builder = new ProcessBuilder(line);
    ServiceManagerVariables.removeFrom(builder.environment());
    builder.environment().putAll(command.env());
    builder.environment().putAll(extraEnv);
    command.workingDirectory().ifPresent(directory -> builder.directory(directory.toFile()));
    builder.redirectInput(
        input.length == 0 ? ProcessBuilder.Redirect.from(DEV_NULL) : ProcessBuilder.Redirect.PIPE);
    long startNanos = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IOException("cannot start job " + command.jobName() + ": " + e.getMessage(), e);
    }
    JobProcess job = new JobProcess(command, config, process, startNanos, lines);
    if (input.length > 0) {
      PIPE_THREADS.execute(() -> job.write(input));
    }
    log.debug("job {} started: pid {}, {}", command.jobName(), process.pid(), line);
    return job;
  }

  long pid() {
    return process.pid();
  }

  String jobName() {
    return command.jobName();
  }

  /** Waits for the direct child to exit and returns its exit value. */
  int awaitExit() throws InterruptedException {
    return process.waitFor();
  }

  /** Waits up to {@code timeout} for the direct child to exit; whether it did. */
  boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * After the direct child exited: stops the processes it left in its session (when {@link
   * ShellConfig#killLeftovers()}), then collects the output. Not cut short by an interrupt, which
   * stays pending for the caller.
   */
  ShellOutcome finish() {
    int exitValue = process.exitValue();
    if (config.killLeftovers()) {
      List<ProcStat> leftovers = group.otherMembers();
      if (!leftovers.isEmpty()) {
        log.warn(
            "job {} exited ({}) leaving processes {} running; terminating them",
            command.jobName(),
            exitValue,
            leftovers);
        group.terminate(config.killGrace());
      }
    }
    return outcome(exitValue);
  }

  /**
   * Stops every process of the job (SIGTERM, grace, SIGKILL) and collects the output. Not cut short
   * by an interrupt, which stays pending for the caller.
   *
   * @return the outcome, with exit code -1 if the direct child survived even SIGKILL
   */
  ShellOutcome stop() {
    group.terminate(config.killGrace());
    return outcome(process.isAlive() ? -1 : process.exitValue());
  }

  private ShellOutcome outcome(int exitValue) {
    long deadline = System.nanoTime() + PIPE_EOF_WAIT.toNanos();
    String out = awaitCapture(stdoutDrained, stdout, "stdout", deadline);
    String err = awaitCapture(stderrDrained, stderr, "stderr", deadline);
    Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
    return ShellOutcome.of(command.form(), exitValue, out, err, duration, process.pid());
  }

  private String awaitCapture(
      Future<?> drained, BoundedCapture capture, String stream, long deadline) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          drained.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (TimeoutException e) {
          log.warn(
              "job {}: its {} is still held open {} ms after the job ended, by a background"
                  + " process; keeping the output read so far",
              command.jobName(),
              stream,
              PIPE_EOF_WAIT.toMillis());
          break;
        } catch (ExecutionException e) {
          log.warn("job {}: reading its {} failed", command.jobName(), stream, e.getCause());
          break;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return capture.render();
  }

  private void write(byte[] input) {
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(input);
    } catch (IOException e) {
      // The command exited or closed stdin without reading everything; its business.
      log.debug("job {}: stdin not fully written: {}", command.jobName(), e.toString());
    }
  }
}
