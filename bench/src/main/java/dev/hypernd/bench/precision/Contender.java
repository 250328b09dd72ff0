package dev.hypernd.bench.precision;

/**
 * One scheduler under test. Job {@code j}'s fire n (n ≥ 1) is due at {@code anchorNanos + n ×
 * period} on {@link System#nanoTime()}; its body records when it started into {@link Lateness}.
 */
interface Contender extends AutoCloseable {
  String name();

  void start() throws Exception;

  /** Registers job {@code job}; called at or after {@code anchorNanos}, never before. */
  void register(int job, long anchorNanos) throws Exception;

  /** Fires the scheduler itself reported as not run (skipped, missed), by reason. */
  default java.util.Map<String, Long> dropped() {
    return java.util.Map.of();
  }

  @Override
  void close() throws Exception;
}
