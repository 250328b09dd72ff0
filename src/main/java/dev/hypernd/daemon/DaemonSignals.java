package dev.hypernd.daemon;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What signals do to {@code hypernd run}: SIGHUP reloads the job file, SIGTERM and SIGINT stop the
 * daemon.
 *
 * <p>The handlers are installed before anything else of the run happens ({@link HyperndMain#main}
 * does it first), because the JVM's own handling would end the process with 129, 143 or 130 and no
 * log line, and systemd or an operator may signal at any time. A SIGHUP that arrives before the job
 * file is first read is folded into that read; one that arrives while the daemon loads and starts
 * reloads once it has started. A SIGTERM or SIGINT while starting stops the daemon as soon as it
 * has started, in the usual orderly way.
 *
 * <p>Reloads run one at a time on a thread of their own. SIGHUPs that arrive while a reload is
 * waiting to start are folded into it, as they would read the same file; one that arrives while a
 * reload is running queues one more, since the file may have changed after it was read.
 */
final class DaemonSignals {
  /** Installs a handler for a signal by name ({@code HUP}, {@code TERM}, {@code INT}). */
  @FunctionalInterface
  interface Source {
    void handle(String name, Consumer<String> handler);
  }

  private final CompletableFuture<String> stop = new CompletableFuture<>();
  private final AtomicBoolean reloadWaiting = new AtomicBoolean();
  private final ExecutorService reloads =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "hypernd-reload");
            thread.setDaemon(true);
            return thread;
          });

  // Guarded by this: the state of the start, which signals arrive concurrently with.
  private boolean reading;
  private int foldedIntoFirstRead;
  private boolean reloadAfterStart;
  private Runnable reload;

  private DaemonSignals() {}

  /** Through the real {@code sun.misc.Signal}. */
  static DaemonSignals install() {
    return install(PosixSignals::handle);
  }

  /** Handles SIGHUP, SIGTERM and SIGINT from now on. */
  static DaemonSignals install(Source source) {
    DaemonSignals signals = new DaemonSignals();
    source.handle("HUP", name -> signals.hangUp());
    source.handle("TERM", signals::stop);
    source.handle("INT", signals::stop);
    return signals;
  }

  /** The job file is about to be read for the first time: SIGHUPs until now are answered by it. */
  synchronized void reading() {
    reading = true;
  }

  /**
   * The daemon exists and logging is set up: SIGHUP now calls {@code reload}, and a SIGHUP that
   * came while starting does so at once. Logs what happened to SIGHUPs before.
   */
  void daemonReady(Runnable reload) {
    boolean reloadNow;
    int folded;
    synchronized (this) {
      this.reload = reload;
      reloadNow = reloadAfterStart;
      folded = foldedIntoFirstRead;
    }
    if (folded > 0) {
      log().info("SIGHUP before the job file was first read: that read answered it");
    }
    if (reloadNow) {
      log().info("SIGHUP while starting: reloading the job file now");
      submitReload();
    }
  }

  private void hangUp() {
    synchronized (this) {
      if (reload == null) {
        if (reading) {
          reloadAfterStart = true;
        } else {
          foldedIntoFirstRead++;
        }
        return;
      }
    }
    submitReload();
  }

  private void submitReload() {
    if (reloadWaiting.compareAndSet(false, true)) {
      reloads.execute(
          () -> {
            reloadWaiting.set(false);
            try {
              currentReload().run();
            } catch (RuntimeException e) {
              log().error("reload on SIGHUP failed; the running configuration stays", e);
            }
          });
    }
  }

  private synchronized Runnable currentReload() {
    return reload;
  }

  private void stop(String name) {
    if (!stop.complete("SIG" + name)) {
      log()
          .info(
              "SIG{} while stopping: running tasks are killed at the end of the grace period",
              name);
    }
  }

  /**
   * Waits for SIGTERM or SIGINT; returns at once if one came while starting.
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

  /** Looked up when first needed, so that installing the handlers does not wait for logback. */
  private static Logger log() {
    return LoggerFactory.getLogger(DaemonSignals.class);
  }
}
