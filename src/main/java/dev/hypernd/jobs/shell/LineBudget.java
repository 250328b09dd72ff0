package dev.hypernd.jobs.shell;

import java.util.function.LongSupplier;

/**
 * A token bucket of lines: {@code burst} at first, refilled at {@code perSecond} up to {@code
 * burst}. Over any run of T seconds it lets at most {@code burst + perSecond × T} lines through.
 * The clock is read only once the bucket is empty, so a quiet or moderate job costs no clock reads.
 * Thread-safe: the stdout and stderr readers of one process share a bucket.
 */
final class LineBudget {
  private final long burst;
  private final long nanosPerLine;
  private final LongSupplier nanoTime;
  private long tokens;
  private long refilledAt;

  /**
   * @param nanoTime a monotonic clock, {@code System::nanoTime} outside tests
   */
  LineBudget(OutputLimits limits, LongSupplier nanoTime) {
    this.burst = limits.burst();
    this.nanosPerLine = 1_000_000_000L / limits.perSecond();
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.refilledAt = nanoTime.getAsLong();
  }

  /** Takes one line's token; false when there is none, and the line is to be left out. */
  synchronized boolean take() {
    if (tokens == 0) {
      long now = nanoTime.getAsLong();
      long earned = (now - refilledAt) / nanosPerLine;
      if (earned <= 0) {
        return false;
      }
      if (earned >= burst) {
        tokens = burst;
        refilledAt = now;
      } else {
        tokens = earned;
        refilledAt += earned * nanosPerLine;
      }
    }
    tokens--;
    return true;
  }
}
