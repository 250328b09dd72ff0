package dev.hypernd.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The jobs by name. Looking a job up takes no lock; changing the set of jobs (register, reload,
 * pause) happens under {@link #lock}, which only those rare operations take (and the watchdog, to
 * see that they are not stuck).
 */
final class JobRegistry {
  final ReentrantLock lock = new ReentrantLock();
  private final ConcurrentHashMap<String, ScheduledJob> jobs = new ConcurrentHashMap<>();
  private final AtomicLong order = new AtomicLong();

  /** The live (not removed) job of this name. */
  ScheduledJob live(String name) {
    ScheduledJob job = jobs.get(name);
    if (job == null || job.removed) {
      throw new NoSuchJobException(name);
    }
    return job;
  }

  /** The live (not removed) job of this name, or null. */
  ScheduledJob liveOrNull(String name) {
    ScheduledJob job = jobs.get(name);
    return job == null || job.removed ? null : job;
  }

  /** The job of this name, removed or not, or null. */
  ScheduledJob get(String name) {
    return jobs.get(name);
  }

  boolean contains(String name) {
    return jobs.containsKey(name);
  }

  /** A new job; under {@link #lock}. */
  ScheduledJob add(JobDefinition def) {
    ScheduledJob job = new ScheduledJob(def, order.incrementAndGet());
    jobs.put(def.name(), job);
    return job;
  }

  /** Every job, removed or not, in registration order. */
  List<ScheduledJob> all() {
    List<ScheduledJob> out = new ArrayList<>(jobs.values());
    out.sort(Comparator.comparingLong(j -> j.order));
    return out;
  }

  /** Drops a removed job once its last task has finished. */
  void forgetIfRetired(ScheduledJob job) {
    if (job.removed && job.isIdle()) {
      lock.lock();
      try {
        if (job.removed && job.isIdle()) {
          jobs.remove(job.name(), job);
        }
      } finally {
        lock.unlock();
      }
    }
  }
}
