package dev.hypernd.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The overlap rule in one place: what a task that is ready to run does while earlier tasks of its
 * job are active ({@link #decide}), and the job's active and queued sets that the rule reads.
 *
 * <p>Concurrency: {@link OverlapPolicy#ALLOW} needs no decision, so such a task enters the active
 * set without the job's lock; every other policy decides and enters under it. A task enters a set
 * only under its own monitor and only while not finished, so a cancel racing with admission either
 * sees the task in the set (and removes it) or the task never enters. Leaving happens without the
 * job's lock: a task that leaves the active set then looks at the queue, and a task that enters the
 * queue then looks at the active set, so at least one of them sees the other and promotes.
 */
final class OverlapGate {
  /** What an incoming task does. */
  enum Decision {
    /** Run now, beside whatever is active. */
    RUN,
    /** Wait behind the active tasks. */
    QUEUE,
    /** Do not run: a task of the job is active. */
    SKIP,
    /** Cancel the active tasks, then run. */
    REPLACE
  }

  private OverlapGate() {}

  /**
   * The decision for a task of policy {@code incoming} that is ready to run now. Under the job's
   * lock for any policy but ALLOW.
   */
  static Decision decide(ScheduledJob job, OverlapPolicy incoming) {
    boolean busy = !job.active.isEmpty();
    return switch (incoming) {
      case ALLOW -> Decision.RUN;
      case SKIP -> busy ? Decision.SKIP : Decision.RUN;
      case QUEUE -> busy || !job.queued.isEmpty() ? Decision.QUEUE : Decision.RUN;
      case REPLACE -> busy ? Decision.REPLACE : Decision.RUN;
    };
  }

  /** Puts the task in its job's active set, unless it has finished meanwhile. */
  static boolean enterActive(ActiveTask task) {
    synchronized (task) {
      if (task.state.isFinished()) {
        return false;
      }
      task.job.active.add(task);
      return true;
    }
  }

  /** Puts the task at the end of its job's queue, unless it has finished meanwhile. */
  static void enterQueue(ActiveTask task) {
    synchronized (task) {
      if (!task.state.isFinished()) {
        task.job.queued.add(task);
      }
    }
  }

  /** Takes a finished task out of its job's sets; true if a queued task may now be promoted. */
  static boolean leave(ActiveTask task) {
    ScheduledJob job = task.job;
    job.active.remove(task);
    job.queued.remove(task);
    return !job.queued.isEmpty();
  }

  /**
   * Moves the next queued task into the active set when nothing is active and returns it (null if
   * none). Under the job's lock.
   */
  static ActiveTask promote(ScheduledJob job) {
    while (job.active.isEmpty()) {
      ActiveTask next = job.queued.poll();
      if (next == null) {
        return null;
      }
      if (enterActive(next)) {
        return next;
      }
    }
    return null;
  }

  /** The active tasks, oldest first: what REPLACE cancels. */
  static List<ActiveTask> activeOldestFirst(ScheduledJob job) {
    List<ActiveTask> out = new ArrayList<>(job.active);
    out.sort(Comparator.comparingLong(t -> t.seq));
    return out;
  }
}
