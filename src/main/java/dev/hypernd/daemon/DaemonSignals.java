package dev.hypernd.daemon;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What signals do to a running daemon: SIGHUP reloads the job file, SIGTERM and SIGINT stop it.
 *
 * <p>Reloads run one at a time on a thread of their own. SIGHUPs that arrive while a reload is
 * waiting to start are folded into it, as they would read the same file; one that arrives while a
 * reload is running queues one more, since the file may have changed after it was read.
 */
final class DaemonSignals {
  private static final Logger log = LoggerFactory.getLogger(DaemonSignals.class);

  private final CompletableFuture<String> stop = new CompletableFuture<>();
  private final AtomicBoolean reloadWaiting = new AtomicBoolean();
  private final ExecutorService reloads =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "hypernd-reload");
            thread.setDaemon(true);
            return thread;
          });

  private DaemonSignals() {}

  /** Installs the handlers for {@code daemon}; call before it starts, so no signal is missed. */
  static DaemonSignals install(Daemon daemon) {
    DaemonSignals signals = new DaemonSignals();
    PosixSignals.handle("HUP", name -> signals.reload(daemon));
    PosixSignals.handle("TERM", signals::stop);
    PosixSignals.handle("INT", signals::stop);
    return signals;
  }

  private void reload(Daemon daemon) {
    if (reloadWaiting.compareAndSet(false, true)) {
      reloads.execute(
          () -> {
            reloadWaiting.set(false);
            try {
              daemon.reload();
            } catch (RuntimeException e) {
              log.error("reload on SIGHUP failed; the running configuration stays", e);
            }
          });
    }
  }

  private void stop(String name) {
    if (!stop.complete("SIG" + name)) {
      log.info(
          "SIG{} while stopping: running tasks are killed at the end of the grace period", name);
    }
  }

  /**
   * Waits for SIGTERM or SIGINT.
   *
   * @return {@code SIGTERM} or {@code SIGINT}
   */
  String awaitStop() throws InterruptedException {
    try {
      return stop.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the stop signal is never completed exceptionally", e);
    }
  }
}
