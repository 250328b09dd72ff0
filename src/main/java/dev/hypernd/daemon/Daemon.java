package dev.hypernd.daemon;

import dev.hypernd.engine.ShutdownException;
import dev.hypernd.engine.TaskEvent;
import dev.hypernd.engine.TaskScheduler;
import dev.hypernd.engine.store.TaskStore;
import dev.hypernd.jobs.JobSet;
import dev.hypernd.jobs.config.ConfigError;
import dev.hypernd.jobs.config.JobConfig;
import dev.hypernd.jobs.config.JobFile;
import dev.hypernd.jobs.config.LoadResult;
import dev.hypernd.jobs.config.OnceSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running hypernd: the scheduler, the job file it runs, reload and shutdown. The control server
 * drives it through {@link #status()}, {@link #reload()} and {@link #scheduler()} (tasks, results,
 * metrics, submit, cancel, pause, resume, next fires); {@link #jobFile()} has each job's settings
 * as configured. Thread-safe: reloads are serialised, and a reload never waits for running tasks.
 */
public final class Daemon {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);

  /** How long shutdown waits for killed commands' processes to be gone after the grace period. */
  static final Duration KILL_WAIT = Duration.ofSeconds(10);

  /** How long shutdown lets queued and running hooks finish. */
  static final Duration HOOK_DRAIN = Duration.ofSeconds(5);

  private final DaemonSettings settings;
  private final DaemonParts parts;
  private final TaskScheduler scheduler;
  private final InstantSource clock;
  private final Object reloadLock = new Object();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger killedAtShutdown = new AtomicInteger();
  private final long startNanos = System.nanoTime();
  private final List<DaemonListener> listeners = new CopyOnWriteArrayList<>();

  private volatile JobSet jobs;
  private volatile Instant loadedAt;
  private volatile ReloadOutcome lastReload;
  private volatile Instant startedAt;

  /** The first load until {@link #start()} logs it: a daemon that never starts logs no load. */
  private ReloadOutcome.Loaded unloggedFirstLoad;

  /**
   * Schedules {@code file}'s jobs; nothing fires and nothing is logged before {@link #start()}.
   *
   * @throws IllegalArgumentException if a job of the file cannot be defined in the engine
   */
  Daemon(DaemonSettings settings, JobFile file, DaemonParts parts) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.parts = Objects.requireNonNull(parts, "parts");
    this.scheduler = parts.scheduler();
    this.clock = parts.clock();
    // Hooks first: once an event is in the log, its hook is queued, and a stop that follows drains
    // it rather than refusing it.
    scheduler.monitor().onEvent(parts.hooks());
    addListener(parts.events());
    scheduler.monitor().onEvent(parts.outputs());
    scheduler.monitor().onEvent(this::countKilled);
    long t0 = System.nanoTime();
    JobSet.Change first = JobSet.first(file, parts.definitions(), parts.jobClassLoader());
    first.applyTo(scheduler);
    unloggedFirstLoad = adopt(file, first, t0, true);
  }

  /** Makes an applied change the running configuration. */
  private ReloadOutcome.Loaded adopt(JobFile file, JobSet.Change change, long t0, boolean initial) {
    parts.hooks().use(file);
    jobs = change.next();
    loadedAt = clock.instant();
    ReloadOutcome.Loaded outcome =
        new ReloadOutcome.Loaded(
            settings.configFile(),
            loadedAt,
            millisSince(t0),
            change.diff(),
            file.jobs().size(),
            initial);
    lastReload = outcome;
    return outcome;
  }

  /**
   * Logs the first load as {@code config.loaded} once the daemon starts, or once a reload comes
   * first (one could, on the control socket, just before the start). Under the reload lock.
   */
  private void logFirstLoad() {
    if (unloggedFirstLoad != null) {
      ReloadOutcome.Loaded first = unloggedFirstLoad;
      unloggedFirstLoad = null;
      tell("loaded", l -> l.loaded(first));
    }
  }

  /**
   * Adds a listener of every step from now on, task events included; add it before {@link #start()}
   * so that it misses none (the first load is told at the start).
   */
  public void addListener(DaemonListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    scheduler.monitor().onEvent(listener);
  }

  private void tell(String step, Consumer<DaemonListener> call) {
    for (DaemonListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        log.error("daemon listener {} failed on {}", listener, step, e);
      }
    }
  }

  /**
   * Starts firing, then submits the {@code once} jobs with {@code at_start: true}, each to run
   * after its {@code delay}. That happens once per daemon start: a reload never submits them, as
   * cron runs {@code @reboot} jobs only when it starts.
   */
  public void start() {
    // A SIGHUP that arrives while starting reloads after the start, not in the middle of it.
    synchronized (reloadLock) {
      logFirstLoad();
      startJobs();
    }
    DaemonStatus status = status();
    tell("started", l -> l.started(status));
  }

  private void startJobs() {
    JobFile file = jobs.file();
    scheduler.start();
    startedAt = clock.instant();
    for (JobConfig job : file.jobs()) {
      if (job.schedule() instanceof OnceSchedule once && once.atStart()) {
        try {
          scheduler.submit(job.name(), List.of(), once.delay());
        } catch (RuntimeException e) {
          log.error("could not submit the at_start run of job {}: {}", job.name(), e.toString());
        }
      }
    }
  }

  /**
   * Reads the job file again and, if it is valid, applies it in one atomic step (design §7):
   * unchanged jobs keep their next fire and running tasks, changed jobs are rescheduled from now,
   * removed jobs fire no more while their running tasks finish. An invalid file changes nothing.
   * Logs {@code config.loaded} or {@code config.rejected}.
   *
   * @return the outcome, with every error of a rejected file
   */
  public ReloadOutcome reload() {
    synchronized (reloadLock) {
      long t0 = System.nanoTime();
      if (stopping.get()) {
        return reject(t0, List.of(error("the daemon is stopping; the reload was not done")));
      }
      logFirstLoad();
      tell("reloading", DaemonListener::reloading);
      return load(t0);
    }
  }

  /** The body of {@link #reload()}, under the reload lock. */
  private ReloadOutcome load(long t0) {
    LoadResult result = parts.loader().load(settings.configFile());
    if (!(result instanceof LoadResult.Valid valid)) {
      return reject(t0, result.errors());
    }
    JobFile file = valid.jobFile();
    JobSet.Change change;
    try {
      change = jobs.next(file, parts.definitions());
      change.applyTo(scheduler);
    } catch (RuntimeException e) {
      log.error("reload failed while applying {}", settings.configFile(), e);
      return reject(t0, List.of(error("the file is valid but could not be applied: " + e)));
    }
    ReloadOutcome.Loaded outcome = adopt(file, change, t0, false);
    tell("loaded", l -> l.loaded(outcome));
    return outcome;
  }

  private ReloadOutcome reject(long t0, List<ConfigError> errors) {
    ReloadOutcome.Rejected outcome =
        new ReloadOutcome.Rejected(settings.configFile(), clock.instant(), millisSince(t0), errors);
    lastReload = outcome;
    tell("loaded", l -> l.loaded(outcome));
    return outcome;
  }

  private ConfigError error(String message) {
    return new ConfigError(settings.configFile(), 0, 0, "", message);
  }

  /**
   * Stops the daemon (design §7): logs {@code daemon.stopping}, stops firing, lets running tasks
   * finish within the grace period, then kills the rest (a command's whole process tree) and
   * records them as failed by shutdown, waits until their processes are gone, lets hooks finish for
   * a few seconds, flushes and closes the store and logs {@code daemon.stopped}. Only the first
   * call does anything.
   *
   * @param reason why, such as {@code SIGTERM}
   */
  public void stop(String reason) throws InterruptedException {
    if (!stopping.compareAndSet(false, true)) {
      log.info("already stopping; {} ignored", reason);
      return;
    }
    long t0 = System.nanoTime();
    tell("stopping", l -> l.stopping(reason, settings.grace()));
    scheduler.shutdown(settings.grace());
    if (!parts.commands().awaitNone(KILL_WAIT)) {
      log.warn(
          "{} command(s) still stopping {} ms after shutdown; exiting anyway",
          parts.commands().count(),
          KILL_WAIT.toMillis());
    }
    parts.hooks().shutdown(HOOK_DRAIN);
    TaskStore store = parts.store();
    store.flush();
    store.close();
    long durationMs = millisSince(t0);
    tell("stopped", l -> l.stopped(durationMs, killedAtShutdown.get()));
  }

  private void countKilled(TaskEvent event) {
    if (event.type() == TaskEvent.Type.ERROR
        && event.error() != null
        && event.error().type().equals(ShutdownException.class.getName())) {
      killedAtShutdown.incrementAndGet();
    }
  }

  /** The daemon's own state; see {@link DaemonStatus}. */
  public DaemonStatus status() {
    return new DaemonStatus(
        Version.current(),
        ProcessHandle.current().pid(),
        startedAt,
        Duration.ofNanos(System.nanoTime() - startNanos),
        settings.configFile(),
        loadedAt,
        jobs.file().jobs().size(),
        lastReload,
        settings.store(),
        settings.socket());
  }

  /** The engine: tasks, results, metrics, submit, cancel, pause, resume and next fires. */
  public TaskScheduler scheduler() {
    return scheduler;
  }

  /** The output of recent tasks, held for {@code hypernctl logs}. */
  OutputJournal outputs() {
    return parts.outputs();
  }

  /** The running job file, with each job's settings as configured and the defaults applied. */
  public JobFile jobFile() {
    return jobs.file();
  }

  public DaemonSettings settings() {
    return settings;
  }

  private static long millisSince(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0).toMillis();
  }
}
