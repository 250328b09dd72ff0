package dev.hypernd.daemon;

import dev.hypernd.engine.TaskEventListener;
import dev.hypernd.jobs.OutputListener;
import dev.hypernd.jobs.ReloadDiff;
import dev.hypernd.jobs.config.ConfigError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The daemon's structured events (design §5): the engine's task events, the output lines of command
 * jobs and hooks, plus its own. {@link EventLog} writes them as log lines; tests record them.
 * Called from the engine's threads, the threads reading jobs' output, signal handlers and the
 * control server alike, so implementations must be thread-safe.
 */
public interface DaemonEvents extends TaskEventListener, OutputListener {

  /** {@code config.loaded}: a job file was applied, at start ({@code initial}) or by a reload. */
  void configLoaded(Path file, int jobs, ReloadDiff diff, long durationMs, boolean initial);

  /** {@code config.rejected}: a reload found errors; the running configuration stays. */
  void configRejected(Path file, List<ConfigError> errors, long durationMs);

  /** {@code daemon.started}: jobs are scheduled and firing. */
  void daemonStarted(DaemonStatus status);

  /** {@code daemon.stopping}: no more fires; running tasks get {@code grace} to finish. */
  void daemonStopping(String reason, Duration grace);

  /**
   * {@code daemon.stopped}: everything is recorded and flushed; the process exits next.
   *
   * @param killed how many tasks were still running at the end of the grace period
   */
  void daemonStopped(long durationMs, int killed);
}
