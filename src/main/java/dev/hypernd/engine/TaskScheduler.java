package dev.hypernd.engine;

import dev.hypernd.engine.store.InMemoryTaskStore;
import dev.hypernd.engine.store.TaskQuery;
import dev.hypernd.engine.store.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling engine: interval, cron and on-demand jobs run on a bounded worker pool, with
 * retries, overlap policy, timeouts, cancel, results and metrics.
 *
 * <pre>{@code
 * TaskScheduler scheduler = TaskScheduler.builder().build();
 * scheduler.interval("heartbeat", Duration.ofSeconds(60), ctx -> ping());
 * TaskSubmitter email = scheduler.task("email", ctx -> send(ctx.arg(0)),
 *     RetryPolicy.builder().maxRetries(3).build());
 * scheduler.start();
 * String id = email.submit("alice@example.com");
 * }</pre>
 *
 * <p>Thread-safe. Jobs may be added before or after {@link #start()}; submissions made before start
 * run once it is called.
 */
public final class TaskScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TaskScheduler.class);

  private final Engine engine;
  private final Monitor monitor;
  private final TaskStore store;
  private final ExecutorService ownedPool;
  private final ExecutorService ownedMaintenance;
  private final boolean dispatchThread;
  private final PeriodicDiscovery periodic;
  private final List<Thread> loopThreads = new ArrayList<>();
  private volatile List<DispatchLoop> dispatchLoops = List.of();

  TaskScheduler(TaskSchedulerBuilder b) {
    this.monitor = new Monitor();
    this.store = b.store != null ? b.store : new InMemoryTaskStore();
    this.ownedPool = b.executor == null ? WorkerPools.workers(b.workers) : null;
    Executor executor = ownedPool != null ? ownedPool : b.executor;
    this.ownedMaintenance = b.maintenanceExecutor == null ? WorkerPools.maintenance() : null;
    Executor maintenance = ownedMaintenance != null ? ownedMaintenance : b.maintenanceExecutor;
    this.engine =
        new Engine(
            b.clock,
            executor,
            store,
            monitor,
            b.owner,
            new Maintenance(maintenance, b.retention, b.pruneEvery),
            b.dispatchThread ? WorkerPools.dispatchThreads() : 1);
    this.dispatchThread = b.dispatchThread;
    this.periodic = new PeriodicDiscovery(b.periodicLoader);
  }

  public static TaskSchedulerBuilder builder() {
    return new TaskSchedulerBuilder();
  }

  // ---- jobs ----------------------------------------------------------------------------------

  /** Adds a job. Its schedule starts now if the scheduler is running, else at {@link #start()}. */
  public void schedule(JobDefinition job) {
    engine.jobs().register(Objects.requireNonNull(job, "job"));
  }

  /** Runs {@code action} every {@code every}, fixed-rate; the first fire is one interval away. */
  public void interval(String name, Duration every, TaskAction action) {
    schedule(JobDefinition.builder(name, JobSchedule.every(every), action).build());
  }

  /**
   * Runs {@code action} when the five-field cron {@code expression} fires in the host's zone.
   *
   * @throws dev.hypernd.cron.CronParseException when the expression is invalid or never fires
   */
  public void cron(String name, String expression, TaskAction action) {
    cron(name, expression, ZoneId.systemDefault(), action);
  }

  /** Runs {@code action} when {@code expression} fires in {@code zone} (cronie's DST rules). */
  public void cron(String name, String expression, ZoneId zone, TaskAction action) {
    schedule(JobDefinition.builder(name, JobSchedule.cron(expression, zone), action).build());
  }

  /** Runs {@code action} on any calendar schedule. */
  public void calendar(String name, JobSchedule.CalendarSchedule when, TaskAction action) {
    schedule(JobDefinition.builder(name, JobSchedule.calendar(when), action).build());
  }

  /** An on-demand job: tasks are created only by the returned submitter (or {@link #submit}). */
  public TaskSubmitter task(String name, TaskAction action) {
    return task(name, action, RetryPolicy.none());
  }

  public TaskSubmitter task(String name, TaskAction action, RetryPolicy retry) {
    schedule(JobDefinition.builder(name, JobSchedule.onDemand(), action).retry(retry).build());
    return new TaskSubmitter(this, name);
  }

  /** A submitter for an existing job of any schedule. */
  public TaskSubmitter submitter(String jobName) {
    engine.jobs().check(jobName);
    return new TaskSubmitter(this, jobName);
  }

  /**
   * Replaces the set of jobs in one atomic step: jobs named in {@code remove} fire no more (their
   * running tasks finish), jobs in {@code upsert} are added or, when the name exists, rescheduled
   * with the new definition. All other jobs keep their next fire and their tasks.
   */
  public void updateJobs(Collection<String> remove, Collection<JobDefinition> upsert) {
    engine.jobs().update(List.copyOf(remove), List.copyOf(upsert));
  }

  public void pause(String jobName) {
    engine.jobs().setPaused(jobName, true);
  }

  public void resume(String jobName) {
    engine.jobs().setPaused(jobName, false);
  }

  public List<JobInfo> jobs() {
    return engine.jobs().list();
  }

  // ---- tasks ---------------------------------------------------------------------------------

  /**
   * Creates a task of {@code jobName} with positional {@code args}, to run after {@code delay}
   * (zero: now). Returns its id, {@code sched-N}; that id's result ends COMPLETED, FAILED or
   * CANCELLED.
   *
   * @throws NoSuchJobException when there is no such job
   * @throws OverlapException when the job's overlap policy is SKIP and a task of it is active
   */
  public String submit(String jobName, List<?> args, Duration delay) {
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(delay, "delay");
    List<Object> copy = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      copy.add(Objects.requireNonNull(args.get(i), () -> "argument #" + copy.size() + " is null"));
    }
    return engine.tasks().submit(jobName, copy, delay);
  }

  /**
   * Cancels a PENDING, RETRYING or RUNNING task (a running body is interrupted).
   *
   * @throws NoSuchTaskException when no task has this id
   * @throws TaskStateException when the task has already finished
   */
  public TaskResult cancel(String taskId) {
    return engine.tasks().cancel(Objects.requireNonNull(taskId, "taskId"));
  }

  public Optional<TaskResult> getResult(String taskId) {
    return engine.tasks().result(Objects.requireNonNull(taskId, "taskId"));
  }

  /** Tasks matching the query, live and stored, newest first. */
  public List<TaskResult> tasks(TaskQuery query) {
    List<TaskResult> out = new ArrayList<>();
    for (TaskResult t : engine.tasks().live()) {
      if (query.matches(t)) {
        out.add(t);
      }
    }
    for (TaskResult t : store.list(query)) {
      if (t.state().isFinished()) {
        out.add(t);
      }
    }
    out.sort(Comparator.comparingLong(TaskResult::sequenceNumber).reversed());
    return out.size() > query.limit() ? out.subList(0, query.limit()) : out;
  }

  /** The next {@code count} fire times of a job. */
  public List<Instant> nextFires(String jobName, int count) {
    return engine.jobs().preview(jobName, count);
  }

  // ---- observation ---------------------------------------------------------------------------

  public Monitor monitor() {
    return monitor;
  }

  /** The reference metrics for all jobs, as {@link MetricsSnapshot#toMap()}. */
  public Map<String, Object> getMetrics() {
    return metrics().toMap();
  }

  /** The reference metrics for one job. */
  public Map<String, Object> getMetrics(String jobName) {
    return metrics(jobName).toMap();
  }

  public MetricsSnapshot metrics() {
    return engine.tasks().metrics(null);
  }

  public MetricsSnapshot metrics(String jobName) {
    return engine.tasks().metrics(Objects.requireNonNull(jobName, "jobName"));
  }

  /**
   * Whether the scheduler is working, for a supervisor's watchdog: it is started and not shutting
   * down, its job registry's lock could be taken within {@code patience}, and each of its dispatch
   * threads (when it has them) is alive and began a turn of its loop within {@code patience} (each
   * does at least once a second while it waits). Waits at most about {@code patience}.
   */
  public boolean isResponsive(Duration patience) throws InterruptedException {
    Objects.requireNonNull(patience, "patience");
    if (!engine.registryResponds(patience)) {
      return false;
    }
    if (!engine.isStarted() || engine.isStopping()) {
      return false;
    }
    List<DispatchLoop> loops = dispatchLoops;
    if (!dispatchThread) {
      return true;
    }
    if (loops.isEmpty()) {
      return false;
    }
    for (DispatchLoop l : loops) {
      if (!l.wentRoundWithin(patience.toNanos())) {
        return false;
      }
    }
    return true;
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  /**
   * Registers {@link Periodic} classes found by {@link java.util.ServiceLoader}, resumes what an
   * earlier run left in the store, arms every schedule and starts dispatching.
   *
   * <p>Resuming (for a durable store): the unfinished tasks of jobs registered by now carry on
   * (delays and planned retries honoured; an attempt that was running when the earlier run died
   * counts as failed with {@link DaemonStoppedException} and is retried if its policy allows);
   * unfinished tasks of jobs not registered are cancelled with error type {@code job-removed};
   * interval jobs keep their phase; fires missed while stopped are reported and, for jobs with
   * {@link JobDefinition.Builder#catchUp}, run once. So register every job before calling this.
   * Calling it again does nothing and returns false: a scheduler never runs two dispatch loops.
   */
  public synchronized boolean start() {
    if (engine.isStarted()) {
      return false;
    }
    for (JobDefinition job : periodic.discover()) {
      schedule(job);
    }
    engine.start();
    if (dispatchThread) {
      List<DispatchLoop> loops = engine.dispatchLoops();
      for (int i = 0; i < loops.size(); i++) {
        // The first keeps the plain name that operators and thread dumps know.
        Thread t = new Thread(loops.get(i), i == 0 ? "hypernd-dispatch" : "hypernd-dispatch-" + i);
        t.setDaemon(true);
        t.start();
        loopThreads.add(t);
      }
      dispatchLoops = loops;
    }
    return true;
  }

  /**
   * Stops firing, lets running attempts finish within {@code grace}, then interrupts the rest and
   * records them as failed attempts ({@link ShutdownException}). Pending and retrying tasks stay in
   * the store as they are. The store is flushed, not closed.
   *
   * @throws dev.hypernd.engine.store.StoreException when the store cannot make the state durable (a
   *     full disk); everything else has been done
   */
  public synchronized void shutdown(Duration grace) throws InterruptedException {
    engine.stopDispatching();
    for (Thread t : loopThreads) {
      t.join();
    }
    if (!engine.awaitIdle(grace)) {
      log.warn("tasks still running after {}; interrupting them", Durations.format(grace));
      engine.abandonRunning(grace);
    }
    if (ownedPool != null) {
      ownedPool.shutdownNow();
    }
    if (ownedMaintenance != null) {
      ownedMaintenance.shutdownNow();
    }
    store.flush();
  }

  /** {@link #shutdown(Duration)} with a 30-second grace period. */
  @Override
  public void close() {
    try {
      shutdown(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- manual driving (tests and simulations) ------------------------------------------------

  /**
   * Runs every timer due at the clock's current time; returns how many ran. For a scheduler built
   * with {@code dispatchThread(false)} and driven by hand ({@code dev.hypernd.testing}).
   */
  public int runDue() {
    return engine.dispatchDue();
  }

  /** Nanoseconds until the next timer is due, {@link Long#MAX_VALUE} if none. */
  public long nanosUntilNextDue() {
    return engine.nanosUntilNextDue();
  }
}
