package dev.hypernd.jobs;

import java.time.Duration;

/**
 * Counts the command runs in progress, so that shutdown can wait for the process trees of
 * interrupted tasks to be gone before the JVM exits. The engine's view is not enough: it counts an
 * interrupted attempt as ended at once, while its processes are still being stopped (SIGTERM,
 * grace, SIGKILL) on the worker thread; an exit then would leave them running.
 *
 * <p>Thread-safe.
 */
public final class RunningCommands {
  private int running;

  synchronized void started() {
    running++;
  }

  synchronized void ended() {
    running--;
    if (running == 0) {
      notifyAll();
    }
  }

  /** How many command runs are in progress. */
  public synchronized int count() {
    return running;
  }

  /**
   * Waits up to {@code timeout} (real time) until no command run is in progress.
   *
   * @return whether none is
   */
  public synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (running > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
