package dev.hypernd.daemon.control;

import static dev.hypernd.daemon.control.EngineRefusals.translate;

import dev.hypernd.control.ErrorCode;
import dev.hypernd.control.JobView;
import dev.hypernd.control.NextFires;
import dev.hypernd.control.OutputLineView;
import dev.hypernd.control.ReloadView;
import dev.hypernd.control.StatusView;
import dev.hypernd.control.TaskView;
import dev.hypernd.control.server.ControlBackend;
import dev.hypernd.control.server.ControlException;
import dev.hypernd.engine.JobInfo;
import dev.hypernd.engine.NoSuchJobException;
import dev.hypernd.engine.NoSuchTaskException;
import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskScheduler;
import dev.hypernd.engine.TaskState;
import dev.hypernd.engine.store.TaskQuery;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The control verbs over a {@link TaskScheduler}. What only the daemon knows comes through three
 * hooks: {@code daemonInfo} for the header of {@code status}, {@code reload} to re-read the job
 * file, and the {@link OutputSource} that holds tasks' output for {@code logs}. Construct it once
 * per scheduler: it adds a monitor listener for {@code wait}.
 */
public final class SchedulerControlBackend implements ControlBackend {
  private final TaskScheduler scheduler;
  private final Supplier<DaemonInfo> daemonInfo;
  private final Supplier<ReloadView> reload;
  private final InstantSource clock;
  private final OutputSource output;
  private final TaskWaiters waiters;

  public SchedulerControlBackend(
      TaskScheduler scheduler, Supplier<DaemonInfo> daemonInfo, Supplier<ReloadView> reload) {
    this(scheduler, daemonInfo, reload, InstantSource.system());
  }

  public SchedulerControlBackend(
      TaskScheduler scheduler,
      Supplier<DaemonInfo> daemonInfo,
      Supplier<ReloadView> reload,
      InstantSource clock) {
    this(scheduler, daemonInfo, reload, clock, OutputSource.NONE);
  }

  public SchedulerControlBackend(
      TaskScheduler scheduler,
      Supplier<DaemonInfo> daemonInfo,
      Supplier<ReloadView> reload,
      InstantSource clock,
      OutputSource output) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.daemonInfo = Objects.requireNonNull(daemonInfo, "daemonInfo");
    this.reload = Objects.requireNonNull(reload, "reload");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.output = Objects.requireNonNull(output, "output");
    this.waiters = new TaskWaiters(scheduler::getResult);
    scheduler.monitor().onEvent(waiters::onEvent);
  }

  @Override
  public StatusView status() {
    DaemonInfo info = daemonInfo.get();
    long uptime = Math.max(0, Duration.between(info.startedAt(), clock.instant()).toSeconds());
    return new StatusView(
        info.version(),
        ProcessHandle.current().pid(),
        info.startedAt(),
        uptime,
        info.configFile(),
        info.configLoadedAt(),
        info.lastReload(),
        jobs());
  }

  @Override
  public Map<String, Object> metrics(Optional<String> job) {
    return translate(() -> job.map(scheduler::getMetrics).orElseGet(scheduler::getMetrics));
  }

  @Override
  public TaskView result(String taskId) {
    return translate(
        () ->
            scheduler
                .getResult(taskId)
                .map(TaskViews::of)
                .orElseThrow(() -> new NoSuchTaskException(taskId)));
  }

  @Override
  public TaskView cancel(String taskId) {
    return translate(() -> TaskViews.of(scheduler.cancel(taskId)));
  }

  @Override
  public String submit(String job, List<String> args, Duration delay) {
    return translate(() -> scheduler.submit(job, args, delay));
  }

  /**
   * The tasks of a job that a reload removed are still listed; a job name that is neither a job nor
   * found on any kept task is {@code not_found}, so that a typo does not read as "no tasks".
   */
  @Override
  public List<TaskView> tasks(Optional<String> job, Optional<String> state, int limit) {
    TaskQuery query =
        new TaskQuery(
            job.orElse(null), state.map(SchedulerControlBackend::state).orElse(null), limit);
    List<TaskResult> tasks = scheduler.tasks(query);
    if (tasks.isEmpty() && query.job() != null) {
      translate(() -> requireJob(query.job()));
    }
    return tasks.stream().map(TaskViews::of).toList();
  }

  @Override
  public List<JobView> jobs() {
    return scheduler.jobs().stream().map(this::view).toList();
  }

  /** A paused job lists no fires: it has none until it is resumed. */
  @Override
  public NextFires next(String job, int count) {
    return translate(
        () -> {
          if (requireJob(job).paused()) {
            return new NextFires(job, true, List.of());
          }
          return new NextFires(job, false, scheduler.nextFires(job, count));
        });
  }

  @Override
  public ReloadView reload() {
    return reload.get();
  }

  @Override
  public JobView pause(String job) {
    return translate(
        () -> {
          scheduler.pause(job);
          return view(requireJob(job));
        });
  }

  @Override
  public JobView resume(String job) {
    return translate(
        () -> {
          scheduler.resume(job);
          return view(requireJob(job));
        });
  }

  @Override
  public CompletableFuture<TaskView> awaitFinished(String taskId) {
    return waiters.await(taskId);
  }

  @Override
  public Map<String, Object> taskOutput(String taskId) {
    TaskView task = result(taskId);
    Optional<List<OutputLineView>> held = output.task(taskId);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("task", task);
    data.put("held", held.isPresent());
    data.put("lines", held.orElse(List.of()).stream().map(OutputLineView::toData).toList());
    return data;
  }

  @Override
  public List<Map<String, Object>> jobOutput(String job, int limit) {
    List<OutputLineView> lines = output.job(job, limit);
    if (lines.isEmpty()) {
      translate(() -> requireJob(job));
    }
    return lines.stream().map(OutputLineView::toData).toList();
  }

  /** Subscribed before the task's state is read, so no line between the two is lost. */
  @Override
  public CompletableFuture<TaskView> followTask(String taskId, Consumer<OutputLineView> sink) {
    Runnable unsubscribe = output.followTask(taskId, sink);
    CompletableFuture<TaskView> finished = waiters.await(taskId);
    finished.whenComplete((task, error) -> unsubscribe.run());
    return finished;
  }

  @Override
  public CompletableFuture<Void> followJob(String job, Consumer<OutputLineView> sink) {
    translate(() -> requireJob(job));
    CompletableFuture<Void> following = new CompletableFuture<>();
    Runnable unsubscribe = output.followJob(job, sink);
    following.whenComplete((nothing, error) -> unsubscribe.run());
    return following;
  }

  /** How many {@code wait}s are outstanding; for tests that check nothing is leaked. */
  int waiting() {
    return waiters.size();
  }

  private JobView view(JobInfo job) {
    Optional<TaskResult> newest =
        scheduler.tasks(new TaskQuery(job.name(), null, 1)).stream().findFirst();
    return JobViews.of(job, newest);
  }

  /** A state's name, in any case, as the engine's {@link TaskState}. */
  private static TaskState state(String text) {
    try {
      return TaskState.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ControlException(
          ErrorCode.BAD_REQUEST,
          "\"state\" must be one of "
              + Arrays.stream(TaskState.values()).map(Enum::name).collect(Collectors.joining(", "))
              + ", found \""
              + text
              + "\"");
    }
  }

  private JobInfo requireJob(String name) {
    return scheduler.jobs().stream()
        .filter(j -> j.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchJobException(name));
  }
}
