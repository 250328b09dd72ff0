package dev.hypernd.engine;

import dev.hypernd.engine.store.JobState;
import dev.hypernd.engine.store.TaskStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Adds, replaces, removes, pauses and lists jobs. Changes take the registry's lock and then each
 * job's lock; they are rare, and fires and tasks of other jobs carry on meanwhile.
 */
final class JobControl {
  private final JobRegistry registry;
  private final FireScheduler fires;
  private final EngineMetrics metrics;
  private final TaskStore store;
  private final RunState run;

  JobControl(
      JobRegistry registry,
      FireScheduler fires,
      EngineMetrics metrics,
      TaskStore store,
      RunState run) {
    this.registry = registry;
    this.fires = fires;
    this.metrics = metrics;
    this.store = store;
    this.run = run;
  }

  /**
   * Adds, replaces and removes jobs in one step. Jobs not named keep their timers and tasks;
   * replaced jobs are rescheduled; removed jobs fire no more while their tasks finish.
   */
  void update(Collection<String> remove, Collection<JobDefinition> upsert) {
    registry.lock.lock();
    try {
      for (String name : remove) {
        registry.live(name);
      }
      for (String name : remove) {
        ScheduledJob job = registry.get(name);
        job.lock.lock();
        try {
          job.removed = true;
          job.cancelFireTimer();
        } finally {
          job.lock.unlock();
        }
        registry.forgetIfRetired(job);
      }
      for (JobDefinition def : upsert) {
        ScheduledJob job = registry.get(def.name());
        if (job == null) {
          job = registry.add(def);
          JobState state = store.jobState(def.name()).orElse(null);
          if (state != null) {
            job.paused = state.paused();
            job.lastFire = state.lastFire();
            if (!run.isStarted()) {
              job.stored = state;
            }
          }
          metrics.register(def.name());
        }
        job.lock.lock();
        try {
          job.cancelFireTimer();
          job.definition = def;
          job.removed = false;
          if (run.isStarted()) {
            fires.arm(job);
          }
        } finally {
          job.lock.unlock();
        }
      }
    } finally {
      registry.lock.unlock();
    }
  }

  void register(JobDefinition def) {
    registry.lock.lock();
    try {
      ScheduledJob existing = registry.get(def.name());
      if (existing != null && !existing.removed) {
        throw new IllegalStateException("a job named " + def.name() + " is already scheduled");
      }
      update(List.of(), List.of(def));
    } finally {
      registry.lock.unlock();
    }
  }

  void setPaused(String name, boolean paused) {
    registry.lock.lock();
    try {
      ScheduledJob job = registry.live(name);
      job.lock.lock();
      try {
        job.paused = paused;
        fires.saveJobState(job);
      } finally {
        job.lock.unlock();
      }
    } finally {
      registry.lock.unlock();
    }
  }

  /** Throws {@link NoSuchJobException} unless a live job has this name. */
  void check(String name) {
    registry.live(name);
  }

  List<JobInfo> list() {
    List<JobInfo> out = new ArrayList<>();
    for (ScheduledJob job : registry.all()) {
      if (!job.removed) {
        out.add(
            new JobInfo(
                job.definition, job.paused, job.nextFire, job.lastFire, job.runningCount()));
      }
    }
    return out;
  }

  List<Instant> preview(String name, int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("count (" + count + ") must be positive");
    }
    ScheduledJob job = registry.live(name);
    job.lock.lock();
    try {
      return fires.preview(job, count);
    } finally {
      job.lock.unlock();
    }
  }
}
