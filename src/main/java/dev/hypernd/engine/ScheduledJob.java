package dev.hypernd.engine;

import dev.hypernd.engine.store.JobState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A job name's state in the engine: its current definition, its fire timer and its active and
 * queued tasks. It outlives a reload that changes the definition, so overlap rules keep seeing the
 * tasks the previous definition started. Guarded by the engine's lock.
 */
final class ScheduledJob {
  JobDefinition definition;

  /** Removed by a reload: no new fires or submissions; kept while its tasks finish. */
  boolean removed;

  boolean paused;
  TimerQueue.Timer fireTimer;

  // Interval jobs: fire n is due at anchorNanos + n * every.
  long anchorNanos;
  Instant anchorWall;
  long fireIndex;
  Instant nextFire;
  Instant lastFire;

  /** The schedule state an earlier run left in the store, until start resumes from it. */
  JobState stored;

  /** Tasks handed to a worker, running or retrying. */
  final Set<ActiveTask> active = new LinkedHashSet<>();

  /** Tasks waiting behind {@link #active} under {@link OverlapPolicy#QUEUE}. */
  final Deque<ActiveTask> queued = new ArrayDeque<>();

  ScheduledJob(JobDefinition definition) {
    this.definition = definition;
  }

  String name() {
    return definition.name();
  }

  boolean isIdle() {
    return active.isEmpty() && queued.isEmpty();
  }

  void cancelFireTimer() {
    if (fireTimer != null) {
      fireTimer.cancel();
      fireTimer = null;
    }
    nextFire = null;
  }
}
