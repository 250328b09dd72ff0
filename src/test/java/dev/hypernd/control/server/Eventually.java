package dev.hypernd.control.server;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that another thread makes true, up to a deadline. For state that offers no
 * event to wait on (a connection count, a map's size); polls every millisecond.
 */
public final class Eventually {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private Eventually() {}

  public static void holds(BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("the condition did not hold within " + DEADLINE);
      }
      LockSupport.parkNanos(1_000_000);
    }
  }
}
