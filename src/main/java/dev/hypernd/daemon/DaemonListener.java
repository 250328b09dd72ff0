package dev.hypernd.daemon;

/**
 * Hears a {@link Daemon}'s lifecycle, for its supervisor (systemd) and its metrics. Every method
 * does nothing by default.
 *
 * <p>Called on the thread that drives the daemon: {@code main} for start and stop, the reload
 * thread or a control-socket worker for reloads. Reload calls come in pairs under the daemon's
 * reload lock, so a {@link #reloading()} is always followed by its {@link #reloaded} before the
 * next one. Keep them quick; an exception is logged and does not affect the daemon.
 */
public interface DaemonListener {

  /** Jobs are scheduled and firing, and the control socket is being served. */
  default void started(DaemonStatus status) {}

  /** A reload begins: the job file is about to be read again. */
  default void reloading() {}

  /** A reload ended: applied, or rejected with the running configuration kept. */
  default void reloaded(ReloadOutcome outcome) {}

  /** Shutdown begins: no more fires; running tasks get the grace period. */
  default void stopping(String reason) {}
}
