package dev.hypernd.jobs.shell;

/**
 * A token bucket of lines: {@code burst} at first, refilled at {@code perSecond} up to {@code
 * burst}. Over any run of T seconds it lets at most {@code burst + perSecond × T} lines through.
 * The caller passes the time, read once per chunk of output rather than once per line. Thread-safe:
 * the stdout and stderr readers of one process share a bucket.
 */
final class LineBudget {
  private final long burst;
  private final long nanosPerLine;
  private long tokens;
  private long refilledAt;

  /**
   * @param start when the bucket is full, on the monotonic clock the caller uses
   */
  LineBudget(OutputLimits limits, long start) {
    this.burst = limits.burst();
    this.nanosPerLine = 1_000_000_000L / limits.perSecond();
    this.tokens = burst;
    this.refilledAt = start;
  }

  /**
   * Takes one line's token; false when there is none, and the line is to be left out.
   *
   * @param now the monotonic clock's time ({@code System.nanoTime()} outside tests)
   */
  synchronized boolean take(long now) {
    if (tokens == 0) {
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
