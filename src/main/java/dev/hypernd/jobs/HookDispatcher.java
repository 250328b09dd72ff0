package dev.hypernd.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypernd.engine.TaskEvent;
import dev.hypernd.engine.TaskEventListener;
import dev.hypernd.jobs.config.CommandAction;
import dev.hypernd.jobs.config.Hooks;
import dev.hypernd.jobs.config.JobConfig;
import dev.hypernd.jobs.config.JobFile;
import dev.hypernd.jobs.shell.HookOutcome;
import dev.hypernd.jobs.shell.HookRunner;
import dev.hypernd.jobs.shell.OutputLimits;
import dev.hypernd.jobs.shell.ShellCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the job file's shell hooks and sends its alerts on task events: {@code on_start} when an
 * attempt starts, {@code on_error} after every failed attempt, {@code on_failure} when a task ends
 * FAILED, {@code on_success} when it ends COMPLETED. Each hook gets the event as one line of JSON
 * on stdin (the fields of the log line, with the whole result) and {@code HYPERN_TASK_ID}, {@code
 * HYPERN_JOB}, {@code HYPERN_ATTEMPT}, {@code HYPERN_EVENT} plus the job's env in its environment,
 * and starts in the job's workdir. Each line a hook writes goes to the output listener as a {@code
 * hook.output} event, whether the hook succeeds or not.
 *
 * <p>Hooks run on a small pool of their own with a bounded queue, so a slow hook never delays a
 * task or the scheduler: the listener only enqueues. A hook that fails, times out or finds the
 * queue full is logged as {@code hook.failed} and changes nothing about the task.
 *
 * <p>The hooks used are those of the newest configuration that has the job; a removed job's last
 * hooks still serve its remaining tasks.
 */
public final class HookDispatcher implements TaskEventListener {
  private static final Logger log = LoggerFactory.getLogger(HookDispatcher.class);
  private static final int THREADS = 2;
  private static final int QUEUE = 256;

  private final HookRunner runner;
  private final AlertSender alerts;
  private final OutputListener output;
  private final OutputLimits limits;
  private final ThreadPoolExecutor pool;
  private final ObjectMapper json = new ObjectMapper();
  private volatile Map<String, JobHooks> hooksByJob = Map.of();

  /** The hooks of one job and what they run with. */
  private record JobHooks(Hooks hooks, Map<String, String> env, Optional<Path> dir) {}

  /** A dispatcher whose hooks' lines are only captured, not passed on. */
  public HookDispatcher(HookRunner runner, AlertSender alerts) {
    this(runner, alerts, OutputListener.IGNORE, OutputLimits.DEFAULTS);
  }

  /**
   * @param output gets each line the hooks write
   * @param limits the cut and rate limit of those lines, per hook run
   */
  public HookDispatcher(
      HookRunner runner, AlertSender alerts, OutputListener output, OutputLimits limits) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.output = Objects.requireNonNull(output, "output");
    this.limits = Objects.requireNonNull(limits, "limits");
    AtomicInteger count = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            task -> {
              Thread thread = new Thread(task, "hypernd-hook-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  /** Takes the hooks of {@code file}'s jobs. Safe to call while events are being handled. */
  public synchronized void use(JobFile file) {
    Map<String, JobHooks> next = new HashMap<>(hooksByJob);
    for (JobConfig job : file.jobs()) {
      next.put(job.name(), new JobHooks(job.hooks(), job.env(), job.workdir()));
    }
    hooksByJob = Map.copyOf(next);
  }

  @Override
  public void onEvent(TaskEvent event) {
    JobHooks job = hooksByJob.get(event.job());
    if (job == null) {
      return;
    }
    job.hooks()
        .alert()
        .ifPresent(alert -> alerts.send(event, alert, eventJson(event), summary(event)));
    Optional<CommandAction> hook =
        switch (event.type()) {
          case STARTED -> job.hooks().onStart();
          case ERROR -> job.hooks().onError();
          case FAILED -> job.hooks().onFailure();
          case COMPLETED -> job.hooks().onSuccess();
          default -> Optional.empty();
        };
    if (hook.isEmpty()) {
      return;
    }
    String name = hookName(event.type());
    ShellCommand command = Commands.of(event.job(), hook.get(), job.env(), job.dir());
    String input = eventJson(event);
    try {
      pool.execute(() -> run(name, command, input, event));
    } catch (RejectedExecutionException e) {
      failed(event, name, "not run: " + QUEUE + " hooks are already waiting, or shutting down");
    }
  }

  private void run(String name, ShellCommand command, String input, TaskEvent event) {
    Map<String, String> env = new HashMap<>();
    env.put(CommandTask.TASK_ID, event.taskId());
    env.put(CommandTask.JOB, event.job());
    env.put(CommandTask.ATTEMPT, Integer.toString(event.attempt()));
    env.put("HYPERN_EVENT", event.type().eventName());
    HookOutcome outcome =
        runner.run(
            command,
            input,
            env,
            OutputForwarder.forHook(
                output,
                limits,
                InstantSource.system(),
                event.job(),
                event.taskId(),
                event.attempt(),
                name));
    if (outcome.succeeded()) {
      log.debug("hook {} of job {} (task {}) succeeded", name, event.job(), event.taskId());
    } else {
      failed(event, name, outcome.description());
    }
  }

  private static void failed(TaskEvent event, String hook, String why) {
    log.atWarn()
        .addKeyValue("event", "hook.failed")
        .addKeyValue("job", event.job())
        .addKeyValue("task_id", event.taskId())
        .addKeyValue("hook", hook)
        .addKeyValue("error", why)
        .log("hook {} of job {} (task {}) failed: {}", hook, event.job(), event.taskId(), why);
  }

  private String eventJson(TaskEvent event) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("@timestamp", event.at().toString());
    fields.put("level", TaskEventFields.level(event));
    fields.putAll(TaskEventFields.of(event, TaskEventFields.WHOLE_RESULT));
    try {
      return json.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event fields are plain JSON values: " + fields, e);
    }
  }

  private static String summary(TaskEvent event) {
    Object error = TaskEventFields.of(event, TaskEventFields.WHOLE_RESULT).get("error");
    return event.type().eventName()
        + " "
        + event.job()
        + " "
        + event.taskId()
        + (error == null ? "" : ": " + error);
  }

  private static String hookName(TaskEvent.Type type) {
    return switch (type) {
      case STARTED -> "on_start";
      case ERROR -> "on_error";
      case FAILED -> "on_failure";
      default -> "on_success";
    };
  }

  /**
   * Lets queued and running hooks finish for up to {@code drain}, then stops the rest (a running
   * hook's processes are killed). Events after this run no hooks.
   *
   * @return whether every hook finished in time
   */
  public boolean shutdown(Duration drain) throws InterruptedException {
    long deadline = System.nanoTime() + drain.toNanos();
    pool.shutdown();
    if (pool.awaitTermination(drain.toNanos(), TimeUnit.NANOSECONDS)) {
      return alerts.shutdown(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    alerts.shutdown(Duration.ZERO);
    int dropped = pool.shutdownNow().size();
    log.warn(
        "hooks still running after {} ms were stopped; {} queued hooks dropped",
        drain.toMillis(),
        dropped);
    return pool.awaitTermination(5, TimeUnit.SECONDS);
  }
}
