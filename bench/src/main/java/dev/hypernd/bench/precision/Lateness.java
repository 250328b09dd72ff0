package dev.hypernd.bench.precision;

import java.util.Arrays;

/**
 * Lateness of every fire, by job and fire number (fire n of a job is due at its anchor plus n
 * periods, n ≥ 1). Each job's fires run one at a time, so a slot is written by one thread.
 */
final class Lateness {
  static final long NONE = Long.MIN_VALUE;

  private final long[][] byJob;

  Lateness(int jobs, int firesPerJob) {
    byJob = new long[jobs][firesPerJob + 1];
    for (long[] fires : byJob) {
      Arrays.fill(fires, NONE);
    }
  }

  /** Records fire {@code n} of {@code job}; fires beyond the planned run are ignored. */
  void record(int job, long n, long latenessNanos) {
    long[] fires = byJob[job];
    if (n >= 1 && n < fires.length) {
      fires[(int) n] = latenessNanos;
    }
  }

  long get(int job, int n) {
    return byJob[job][n];
  }

  int jobs() {
    return byJob.length;
  }
}
