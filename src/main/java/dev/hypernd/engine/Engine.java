package dev.hypernd.engine;

import dev.hypernd.engine.store.JobCounters;
import dev.hypernd.engine.store.JobState;
import dev.hypernd.engine.store.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task state machine: fires, submissions, overlap, attempts, retries, timeouts and cancel.
 * Every state change happens under one lock; bodies, listeners and the executor run outside it (see
 * {@link Effects}). Time comes only from the injected {@link EngineClock}, and nothing here sleeps:
 * waits are timers in the {@link TimerQueue}, run by {@link #dispatchDue()}.
 */
final class Engine {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  final ReentrantLock lock = new ReentrantLock();
  final Condition wake = lock.newCondition();
  private final Condition idle = lock.newCondition();

  private final EngineClock clock;
  private final Executor executor;
  private final TaskStore store;
  private final Monitor monitor;
  private final String owner;
  private final Maintenance maintenance;
  private final Housekeeping housekeeping;
  private final TimerQueue timers = new TimerQueue();
  private final Map<String, ScheduledJob> jobs = new LinkedHashMap<>();
  private final Map<String, ActiveTask> live = new HashMap<>();
  private final Map<String, JobMetrics> jobMetrics = new HashMap<>();
  private final JobMetrics totals = new JobMetrics();
  private final List<ActiveTask> deferred = new ArrayList<>();
  private final FireScheduler fires;
  private final Attempts attempts;
  private final Recovery recovery;

  private boolean started;
  private boolean stopping;
  private long startNanos;
  private int runningCount;

  Engine(
      EngineClock clock,
      Executor executor,
      TaskStore store,
      Monitor monitor,
      String owner,
      Maintenance maintenance) {
    this.clock = clock;
    this.executor = executor;
    this.store = store;
    this.monitor = monitor;
    this.owner = owner;
    this.maintenance = maintenance;
    this.fires = new FireScheduler(this, clock, timers);
    this.attempts = new Attempts(this, clock, timers);
    this.recovery = new Recovery(this, attempts, clock, timers);
    this.housekeeping = new Housekeeping(store, maintenance, clock, timers);
    this.startNanos = clock.nanoTime();
    store.counters(JobCounters.TOTAL).ifPresent(totals::restore);
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  /**
   * Resumes the unfinished tasks of an earlier run found in the store (see {@link Recovery}), arms
   * every job (from its stored schedule state when there is one: interval phase, missed fires and
   * catch-up), releases submissions made before start and starts pruning. False if already started.
   */
  boolean start() {
    Effects fx = new Effects();
    lock.lock();
    try {
      if (started) {
        return false;
      }
      started = true;
      startNanos = clock.nanoTime();
      recovery.resumeTasks(fx);
      for (ScheduledJob job : jobs.values()) {
        if (job.stored != null) {
          fires.resume(job, job.stored, fx);
          job.stored = null;
        } else {
          fires.arm(job);
        }
      }
      for (ActiveTask task : deferred) {
        if (task.state == TaskState.PENDING) {
          fx.start(attempts.handOut(task));
        }
      }
      deferred.clear();
      housekeeping.start(fx);
      wake.signalAll();
    } finally {
      lock.unlock();
    }
    apply(fx);
    return true;
  }

  private void apply(Effects fx) {
    fx.apply(monitor, executor, maintenance.executor());
  }

  boolean isStarted() {
    lock.lock();
    try {
      return started;
    } finally {
      lock.unlock();
    }
  }

  /** Stops fires, retries and delays; running attempts carry on until {@link #awaitIdle}. */
  void stopDispatching() {
    lock.lock();
    try {
      stopping = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  boolean isStopping() {
    return stopping;
  }

  /** Waits (real time) until no attempt is running. */
  boolean awaitIdle(Duration grace) throws InterruptedException {
    long remaining = grace.toNanos();
    lock.lock();
    try {
      while (runningCount > 0) {
        if (remaining <= 0) {
          return false;
        }
        remaining = idle.awaitNanos(remaining);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Interrupts the attempts still running and records them as failed by shutdown. */
  void abandonRunning(Duration grace) {
    Effects fx = new Effects();
    lock.lock();
    try {
      for (ActiveTask task : List.copyOf(live.values())) {
        if (task.state == TaskState.RUNNING) {
          attempts.interrupt(task);
          attempts.failAttempt(
              task,
              new ShutdownException(
                  "killed at shutdown: still running after the grace period of "
                      + Durations.format(grace)),
              fx);
        }
      }
    } finally {
      lock.unlock();
    }
    fx.apply(monitor, Runnable::run, maintenance.executor());
  }

  /** Runs every timer that is due now. Returns how many ran. */
  int dispatchDue() {
    Effects fx = new Effects();
    int count;
    lock.lock();
    try {
      if (stopping) {
        return 0;
      }
      List<TimerQueue.Timer> due = timers.pollDue(clock.nanoTime(), clock.now());
      count = due.size();
      for (TimerQueue.Timer timer : due) {
        try {
          timer.run(fx);
        } catch (RuntimeException e) {
          log.error("internal error while dispatching a timer; the scheduler carries on", e);
        }
      }
    } finally {
      lock.unlock();
    }
    apply(fx);
    return count;
  }

  /** Nanoseconds until the next timer is due; {@link Long#MAX_VALUE} when none is. */
  long nanosUntilNextDue() {
    lock.lock();
    try {
      return stopping ? Long.MAX_VALUE : timers.nanosUntilNext(clock.nanoTime(), clock.now());
    } finally {
      lock.unlock();
    }
  }

  // ---- jobs ----------------------------------------------------------------------------------

  /**
   * Adds, replaces and removes jobs in one step. Jobs not named keep their timers and tasks;
   * replaced jobs are rescheduled; removed jobs fire no more while their tasks finish.
   */
  void updateJobs(Collection<String> remove, Collection<JobDefinition> upsert) {
    lock.lock();
    try {
      for (String name : remove) {
        ScheduledJob job = jobs.get(name);
        if (job == null || job.removed) {
          throw new NoSuchJobException(name);
        }
      }
      for (String name : remove) {
        ScheduledJob job = jobs.get(name);
        job.removed = true;
        job.cancelFireTimer();
        forgetIfRetired(job);
      }
      for (JobDefinition def : upsert) {
        ScheduledJob job = jobs.get(def.name());
        if (job == null) {
          job = new ScheduledJob(def);
          jobs.put(def.name(), job);
          store.jobState(def.name()).ifPresent(s -> restore(def.name(), s));
          if (!jobMetrics.containsKey(def.name())) {
            store.counters(def.name()).ifPresent(c -> metrics(def.name()).restore(c));
          }
        } else {
          job.cancelFireTimer();
          job.definition = def;
          job.removed = false;
        }
        if (started) {
          fires.arm(job);
        }
      }
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void restore(String name, JobState state) {
    ScheduledJob job = jobs.get(name);
    job.paused = state.paused();
    job.lastFire = state.lastFire();
    if (!started) {
      job.stored = state;
    }
  }

  void register(JobDefinition def) {
    lock.lock();
    try {
      ScheduledJob existing = jobs.get(def.name());
      if (existing != null && !existing.removed) {
        throw new IllegalStateException("a job named " + def.name() + " is already scheduled");
      }
      updateJobs(List.of(), List.of(def));
    } finally {
      lock.unlock();
    }
  }

  void setPaused(String name, boolean paused) {
    lock.lock();
    try {
      ScheduledJob job = liveJob(name);
      job.paused = paused;
      saveJobState(job);
    } finally {
      lock.unlock();
    }
  }

  List<JobInfo> jobs() {
    lock.lock();
    try {
      List<JobInfo> out = new ArrayList<>();
      for (ScheduledJob job : jobs.values()) {
        if (!job.removed) {
          out.add(
              new JobInfo(
                  job.definition, job.paused, job.nextFire, job.lastFire, countRunning(job)));
        }
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  List<Instant> preview(String name, int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("count (" + count + ") must be positive");
    }
    lock.lock();
    try {
      return fires.preview(liveJob(name), count);
    } finally {
      lock.unlock();
    }
  }

  private static int countRunning(ScheduledJob job) {
    int n = 0;
    for (ActiveTask t : job.active) {
      if (t.state == TaskState.RUNNING) {
        n++;
      }
    }
    return n;
  }

  ScheduledJob liveJob(String name) {
    ScheduledJob job = jobs.get(name);
    if (job == null || job.removed) {
      throw new NoSuchJobException(name);
    }
    return job;
  }

  private void forgetIfRetired(ScheduledJob job) {
    if (job.removed && job.isIdle() && jobs.get(job.name()) == job) {
      jobs.remove(job.name());
    }
  }

  // ---- tasks ---------------------------------------------------------------------------------

  String submit(String jobName, List<Object> args, Duration delay) {
    Effects fx = new Effects();
    String id;
    lock.lock();
    try {
      ScheduledJob job = liveJob(jobName);
      Instant now = clock.now();
      long nanos = clock.nanoTime();
      if (delay.isZero() || delay.isNegative()) {
        if (job.definition.overlap() == OverlapPolicy.SKIP && !job.active.isEmpty()) {
          throw new OverlapException(jobName, job.active.iterator().next().id);
        }
        ActiveTask task = create(job, args, now, nanos, null, fx);
        admit(task, fx);
        id = task.id;
      } else {
        Instant due = now.plus(delay);
        ActiveTask task = create(job, args, due, nanos + delay.toNanos(), due, fx);
        task.timer = timers.atNanos(task.dueNanos, effects -> onDelayedDue(task, effects));
        wake.signalAll();
        id = task.id;
      }
    } finally {
      lock.unlock();
    }
    apply(fx);
    return id;
  }

  ActiveTask create(
      ScheduledJob job,
      List<Object> args,
      Instant scheduledAt,
      long dueNanos,
      Instant nextAttemptAt,
      Effects fx) {
    String id = TaskIds.format(store.nextTaskNumber());
    ActiveTask task = new ActiveTask(id, job, args, scheduledAt, dueNanos, nextAttemptAt);
    live.put(id, task);
    totals.submitted++;
    metrics(job.name()).submitted++;
    persist(task);
    fx.event(TaskEvents.scheduled(task, clock.now()));
    return task;
  }

  /** A delayed (or resumed) PENDING task is due: the overlap policy decides what happens. */
  void onDelayedDue(ActiveTask task, Effects fx) {
    task.timer = null;
    if (task.state != TaskState.PENDING) {
      return;
    }
    task.nextAttemptAt = null;
    ScheduledJob job = task.job;
    if (task.definition.overlap() == OverlapPolicy.SKIP && !job.active.isEmpty()) {
      TaskError why =
          new TaskError(
              "overlap", "skipped: " + job.active.iterator().next().id + " is still active");
      task.error = why;
      task.state = TaskState.CANCELLED;
      task.finishedAt = clock.now();
      countSkipped(job.name());
      fx.event(TaskEvents.skipped(job.name(), task.id, task.scheduledAt, task.finishedAt, why));
      finish(task, fx);
      return;
    }
    admit(task, fx);
  }

  /** Applies the overlap policy to a task that is ready to run now. */
  void admit(ActiveTask task, Effects fx) {
    ScheduledJob job = task.job;
    if (!job.active.isEmpty()) {
      switch (task.definition.overlap()) {
        case QUEUE -> {
          job.queued.add(task);
          return;
        }
        case REPLACE -> {
          for (ActiveTask earlier : List.copyOf(job.active)) {
            cancel(earlier, new TaskError("replaced", "replaced by " + task.id), fx);
          }
        }
        case ALLOW, SKIP -> {
          // SKIP was decided before the task was created.
        }
      }
    }
    handOut(task, fx);
  }

  private void handOut(ActiveTask task, Effects fx) {
    task.job.active.add(task);
    if (!started) {
      deferred.add(task);
      return;
    }
    fx.start(attempts.handOut(task));
  }

  TaskResult cancel(String taskId) {
    Effects fx = new Effects();
    TaskResult result;
    lock.lock();
    try {
      ActiveTask task = live.get(taskId);
      if (task == null) {
        TaskResult stored = store.find(taskId).orElseThrow(() -> new NoSuchTaskException(taskId));
        throw new TaskStateException(
            "task " + taskId + " is already " + stored.state() + " and cannot be cancelled",
            stored.state());
      }
      cancel(task, new TaskError("cancelled", "cancelled by request"), fx);
      result = task.snapshot();
    } finally {
      lock.unlock();
    }
    apply(fx);
    return result;
  }

  private void cancel(ActiveTask task, TaskError why, Effects fx) {
    if (task.state == TaskState.RUNNING) {
      attempts.interrupt(task);
    }
    task.error = why;
    task.state = TaskState.CANCELLED;
    task.finishedAt = clock.now();
    task.nextAttemptAt = null;
    totals.cancelled++;
    metrics(task.jobName()).cancelled++;
    fx.event(TaskEvents.cancelled(task, task.finishedAt));
    finish(task, fx);
  }

  /** Bookkeeping when a task reaches a final state; starts the next queued task of its job. */
  void finish(ActiveTask task, Effects fx) {
    task.cancelTimer();
    live.remove(task.id);
    deferred.remove(task);
    ScheduledJob job = task.job;
    job.active.remove(task);
    job.queued.remove(task);
    persist(task);
    if (job.active.isEmpty() && !job.queued.isEmpty()) {
      handOut(job.queued.poll(), fx);
    }
    forgetIfRetired(job);
  }

  Optional<TaskResult> result(String taskId) {
    lock.lock();
    try {
      ActiveTask task = live.get(taskId);
      if (task != null) {
        return Optional.of(task.view(clock.nanoTime()));
      }
    } finally {
      lock.unlock();
    }
    return store.find(taskId);
  }

  // ---- bookkeeping shared with FireScheduler and Attempts -----------------------------------

  void attemptStarted() {
    runningCount++;
  }

  void attemptEnded() {
    runningCount--;
    if (runningCount == 0) {
      idle.signalAll();
    }
  }

  JobMetrics metrics(String jobName) {
    return jobMetrics.computeIfAbsent(jobName, k -> new JobMetrics());
  }

  JobMetrics totals() {
    return totals;
  }

  void countSkipped(String jobName) {
    totals.skipped++;
    metrics(jobName).skipped++;
    saveCounters(jobName);
  }

  /** Saves the task's state and the counters it may have changed. */
  void persist(ActiveTask task) {
    store.save(task.snapshot());
    saveCounters(task.jobName());
  }

  void saveCounters(String jobName) {
    store.saveCounters(metrics(jobName).counters(jobName));
    saveTotals();
  }

  void saveTotals() {
    store.saveCounters(totals.counters(JobCounters.TOTAL));
  }

  // ---- recovery --------------------------------------------------------------------------------

  /** The live (not removed) job of this name, or null. */
  ScheduledJob jobOrNull(String name) {
    ScheduledJob job = jobs.get(name);
    return job == null || job.removed ? null : job;
  }

  boolean isLive(String taskId) {
    return live.containsKey(taskId);
  }

  /** Takes a task resumed from the store into the engine. */
  void adopt(ActiveTask task) {
    live.put(task.id, task);
  }

  TaskStore store() {
    return store;
  }

  String owner() {
    return owner;
  }

  void saveJobState(ScheduledJob job) {
    store.saveJobState(new JobState(job.name(), job.lastFire, job.nextFire, job.paused));
  }

  MetricsSnapshot snapshot(String jobName) {
    lock.lock();
    try {
      int running = 0;
      int pending = 0;
      for (ActiveTask t : live.values()) {
        if (jobName == null || jobName.equals(t.jobName())) {
          if (t.state == TaskState.RUNNING) {
            running++;
          } else {
            pending++;
          }
        }
      }
      long uptime = started ? TimeUnit.NANOSECONDS.toSeconds(clock.nanoTime() - startNanos) : 0;
      JobMetrics m = jobName == null ? totals : jobMetrics.get(jobName);
      if (m == null) {
        if (!jobs.containsKey(jobName)) {
          throw new NoSuchJobException(jobName);
        }
        m = metrics(jobName);
      }
      return m.snapshot(running, pending, uptime);
    } finally {
      lock.unlock();
    }
  }

  List<TaskResult> liveTasks() {
    lock.lock();
    try {
      List<TaskResult> out = new ArrayList<>();
      long now = clock.nanoTime();
      for (ActiveTask t : live.values()) {
        out.add(t.view(now));
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  void publish(Effects fx) {
    apply(fx);
  }
}
