package dev.hypernd.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Submits tasks of one on-demand job; each call returns the new task's id. */
public final class TaskSubmitter {
  private final TaskScheduler scheduler;
  private final String jobName;

  TaskSubmitter(TaskScheduler scheduler, String jobName) {
    this.scheduler = scheduler;
    this.jobName = jobName;
  }

  public String jobName() {
    return jobName;
  }

  /** Runs the job now with these positional arguments; returns {@code sched-N}. */
  public String submit(Object... args) {
    return scheduler.submit(jobName, Arrays.asList(args), Duration.ZERO);
  }

  /** Runs the job after {@code delay} with these positional arguments. */
  public String submitAfter(Duration delay, Object... args) {
    Objects.requireNonNull(delay, "delay");
    return scheduler.submit(jobName, Arrays.asList(args), delay);
  }

  /** Same as {@link #submit(Object...)} with the arguments as a list. */
  public String submit(List<?> args) {
    return scheduler.submit(jobName, List.copyOf(args), Duration.ZERO);
  }
}
