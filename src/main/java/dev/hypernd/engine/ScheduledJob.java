package dev.hypernd.engine;

import dev.hypernd.engine.store.JobState;
import java.time.Instant;
import java.util.Comparator;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A job name's state in the engine: its current definition, its fire timer and its active and
 * queued tasks. It outlives a reload that changes the definition, so overlap rules keep seeing the
 * tasks the previous definition started.
 *
 * <p>{@link #lock} serialises what must be serialised per job: fire planning (the fields below it)
 * and overlap admission other than {@link OverlapPolicy#ALLOW}. Lock order: a job's lock before a
 * task's monitor, never the other way round.
 */
final class ScheduledJob {
  /** Registration order, for listings. */
  final long order;

  final ReentrantLock lock = new ReentrantLock();

  volatile JobDefinition definition;

  /** Removed by a reload: no new fires or submissions; kept while its tasks finish. */
  volatile boolean removed;

  volatile boolean paused;

  // ---- guarded by lock ----
  TimerQueue.Timer fireTimer;
  // Counts armings: a fire timer taken before a re-arm finds it changed and does nothing.
  long armed;
  // Interval jobs: fire n is due at anchorNanos + n * every.
  long anchorNanos;
  Instant anchorWall;
  long fireIndex;
  volatile Instant nextFire;
  volatile Instant lastFire;

  /** The schedule state an earlier run left in the store, until start resumes from it. */
  JobState stored;

  /** Tasks handed to a worker, running or retrying. Added to under the task's monitor. */
  final Set<ActiveTask> active = ConcurrentHashMap.newKeySet();

  /** Tasks waiting behind {@link #active} under {@link OverlapPolicy#QUEUE}, in order. */
  final Deque<ActiveTask> queued = new ConcurrentLinkedDeque<>();

  ScheduledJob(JobDefinition definition, long order) {
    this.definition = definition;
    this.order = order;
  }

  String name() {
    return definition.name();
  }

  boolean isIdle() {
    return active.isEmpty() && queued.isEmpty();
  }

  /** The active task created first, or null: the one a skip message names. */
  ActiveTask oldestActive() {
    return active.stream().min(Comparator.comparingLong(t -> t.seq)).orElse(null);
  }

  int runningCount() {
    int n = 0;
    for (ActiveTask t : active) {
      if (t.state == TaskState.RUNNING) {
        n++;
      }
    }
    return n;
  }

  /** Under {@link #lock}. */
  void cancelFireTimer() {
    armed++;
    if (fireTimer != null) {
      fireTimer.cancel();
      fireTimer = null;
    }
    nextFire = null;
  }
}
