package dev.hypernd.daemon;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Lets one event per key through per window and counts the rest, so that a condition repeating
 * every second (a job skipped while its long task runs) logs once a minute with a count instead of
 * flooding the log (supercronic #86 wrote 40 GB of logs). Thread-safe.
 */
final class RepeatLimiter {
  /** What {@link #admit} returns for an event to drop. */
  static final long DROP = -1;

  private static final int PRUNE_ABOVE = 1024;

  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Window> windows = new HashMap<>();

  private static final class Window {
    long openedAt;
    long dropped;
  }

  /**
   * @param nanoTime a monotonic clock, {@code System::nanoTime} outside tests
   */
  RepeatLimiter(Duration window, LongSupplier nanoTime) {
    this.windowNanos = window.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * @return {@link #DROP} for an event within the window of an earlier one with the same key; else
   *     how many were dropped since the last one let through (0 for the first)
   */
  synchronized long admit(String key) {
    long now = nanoTime.getAsLong();
    Window window = windows.get(key);
    if (window != null && now - window.openedAt < windowNanos) {
      window.dropped++;
      return DROP;
    }
    if (window == null) {
      pruneExpired(now);
      window = new Window();
      windows.put(key, window);
    }
    long dropped = window.dropped;
    window.openedAt = now;
    window.dropped = 0;
    return dropped;
  }

  /** Keys come and go with jobs; forget the idle ones before the map grows large. */
  private void pruneExpired(long now) {
    if (windows.size() < PRUNE_ABOVE) {
      return;
    }
    for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
      Window window = it.next();
      if (now - window.openedAt >= windowNanos && window.dropped == 0) {
        it.remove();
      }
    }
  }
}
