package dev.hypernd.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * A worker pool run by hand: attempts handed to it wait until the test runs them, so a test can put
 * a cancel, a timeout or another submission between handing out and running, deterministically.
 */
final class StepExecutor implements Executor {
  private final Deque<Runnable> waiting = new ArrayDeque<>();

  @Override
  public synchronized void execute(Runnable command) {
    waiting.add(command);
  }

  synchronized int waiting() {
    return waiting.size();
  }

  /** Runs the attempt handed out first; false if none waits. */
  boolean runNext() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
    }
    if (next == null) {
      return false;
    }
    next.run();
    return true;
  }

  /** Runs attempts until none waits, including those handed out meanwhile. */
  void runAll() {
    while (runNext()) {
      // keep going
    }
  }
}
