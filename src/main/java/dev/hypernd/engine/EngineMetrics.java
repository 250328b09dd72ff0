package dev.hypernd.engine;

import dev.hypernd.engine.store.JobCounters;
import dev.hypernd.engine.store.TaskStore;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine's metrics: one method per outcome, each counting it for the job and for all jobs and
 * keeping the counters in the store. Safe to call from any thread without a lock.
 *
 * <p>Saving: every change marks the counters dirty and then the calling thread saves them, unless
 * another thread is saving them already; that thread goes round again when it sees them dirty, so
 * the latest counters always reach the store, and under load many changes share one save instead of
 * every worker queueing to write the same row.
 */
final class EngineMetrics {
  private final TaskStore store;
  private final JobMetrics totals = new JobMetrics();
  private final ConcurrentHashMap<String, JobMetrics> jobs = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<JobMetrics> dirty = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushing = new AtomicBoolean();

  EngineMetrics(TaskStore store) {
    this.store = store;
    totals.key = JobCounters.TOTAL;
    store.counters(JobCounters.TOTAL).ifPresent(totals::restore);
  }

  /** Takes a job's counters from the store the first time the job is seen. */
  void register(String job) {
    jobs.computeIfAbsent(
        job,
        name -> {
          JobMetrics m = new JobMetrics();
          m.key = name;
          store.counters(name).ifPresent(m::restore);
          return m;
        });
  }

  boolean knows(String job) {
    return jobs.containsKey(job);
  }

  void submitted(String job) {
    JobMetrics m = of(job);
    m.submitted.increment();
    totals.submitted.increment();
    changed(m);
  }

  /** An attempt ended (any outcome) after running {@code nanos}. */
  void attemptEnded(String job, long nanos) {
    long micros = nanos / 1_000;
    of(job).recordDuration(micros);
    totals.recordDuration(micros);
  }

  void completed(String job) {
    JobMetrics m = of(job);
    m.completed.increment();
    totals.completed.increment();
    changed(m);
  }

  /** An attempt failed with {@code errorType}; the task is retried or has failed. */
  void attemptFailed(String job, String errorType, boolean willRetry) {
    JobMetrics m = of(job);
    m.recordError(errorType);
    totals.recordError(errorType);
    if (willRetry) {
      m.retried.increment();
      totals.retried.increment();
    } else {
      m.failed.increment();
      totals.failed.increment();
    }
    changed(m);
  }

  void cancelled(String job) {
    JobMetrics m = of(job);
    m.cancelled.increment();
    totals.cancelled.increment();
    changed(m);
  }

  /** A task of a job that is no longer configured, cancelled at start: counted in the totals. */
  void cancelledOrphan() {
    totals.cancelled.increment();
    markDirty(totals);
  }

  /** A fire that created no task, or a delayed task dropped by the overlap policy. */
  void skipped(String job) {
    JobMetrics m = of(job);
    m.skipped.increment();
    totals.skipped.increment();
    changed(m);
  }

  /** The metrics of one job ({@code null}: all jobs), or null for a job never seen. */
  MetricsSnapshot snapshot(String job, int running, int pending, long uptimeS) {
    JobMetrics m = job == null ? totals : jobs.get(job);
    return m == null ? null : m.snapshot(running, pending, uptimeS);
  }

  private JobMetrics of(String job) {
    JobMetrics m = jobs.get(job);
    return m != null
        ? m
        : jobs.computeIfAbsent(
            job,
            name -> {
              JobMetrics created = new JobMetrics();
              created.key = name;
              return created;
            });
  }

  private void changed(JobMetrics m) {
    markDirty(m);
    markDirty(totals);
  }

  private void markDirty(JobMetrics m) {
    if (m.dirty.compareAndSet(false, true)) {
      dirty.add(m);
    }
  }

  /** Saves the counters changed since the last flush (see the class comment). */
  void flush() {
    while (!dirty.isEmpty() && flushing.compareAndSet(false, true)) {
      try {
        for (JobMetrics m; (m = dirty.poll()) != null; ) {
          m.dirty.set(false);
          store.saveCounters(m.counters(m.key));
        }
      } finally {
        flushing.set(false);
      }
    }
  }
}
