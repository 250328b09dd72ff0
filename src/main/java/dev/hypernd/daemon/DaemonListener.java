package dev.hypernd.daemon;

import dev.hypernd.engine.TaskEvent;
import dev.hypernd.engine.TaskEventListener;
import dev.hypernd.jobs.OutputEvent;
import dev.hypernd.jobs.OutputListener;
import java.time.Duration;

/**
 * Hears what a {@link Daemon} does, each step once: its event log writes every step as a line
 * (design §5), systemd and the metrics follow it. Every method does nothing by default.
 *
 * <p>Listeners added with {@link Daemon#addListener} before {@link Daemon#start()} hear every step,
 * the first load of the job file included (it is told at the start). The output lines of jobs and
 * hooks come from the job runner, which is built with the daemon's parts: only the listener the
 * daemon is built with (its event log) hears them.
 *
 * <p>Threading: task events come on the engine's threads, output lines on the threads that read
 * jobs' pipes (in order for one stream of one process); start and stop on the thread that drives
 * the daemon ({@code main}); reloads on the reload thread or a control-socket worker. Reload calls
 * come in pairs under the daemon's reload lock, so a {@link #reloading()} is always followed by its
 * {@link #loaded} before the next one. Keep them quick; an exception is logged and affects neither
 * the daemon nor the other listeners.
 */
public interface DaemonListener extends TaskEventListener, OutputListener {

  /** {@code task.*}: a task changed state (design §5). */
  @Override
  default void onEvent(TaskEvent event) {}

  /** {@code task.output}, {@code hook.output}: a line a job or hook wrote (design §5). */
  @Override
  default void onOutput(OutputEvent event) {}

  /** A reload begins: the job file is about to be read again. */
  default void reloading() {}

  /**
   * {@code config.loaded} or {@code config.rejected}: a load of the job file ended. It was applied
   * (the first load, {@link ReloadOutcome#initial()}, told at the start; or by a reload), or a
   * reload rejected it and the running configuration stays.
   */
  default void loaded(ReloadOutcome outcome) {}

  /** {@code daemon.started}: jobs are scheduled and firing, and the control socket is served. */
  default void started(DaemonStatus status) {}

  /** {@code daemon.stopping}: no more fires; running tasks get {@code grace} to finish. */
  default void stopping(String reason, Duration grace) {}

  /**
   * {@code daemon.stopped}: everything is recorded and flushed; the process exits next.
   *
   * @param killed how many tasks were still running at the end of the grace period
   */
  default void stopped(long durationMs, int killed) {}
}
