package dev.hypernd.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A job as the engine runs it: a name, a schedule, a body and the policies around it. Immutable;
 * made by {@link #builder(String, JobSchedule, TaskAction)}.
 */
public final class JobDefinition {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private final String name;
  private final JobSchedule schedule;
  private final TaskAction action;
  private final RetryPolicy retry;
  private final Duration timeout;
  private final Duration actionTimeout;
  private final OverlapPolicy overlap;
  private final boolean catchUp;

  private JobDefinition(Builder b) {
    this.name = b.name;
    this.schedule = b.schedule;
    this.action = b.action;
    this.retry = b.retry;
    this.timeout = b.timeout;
    this.actionTimeout = b.actionTimeout;
    this.overlap =
        b.overlap != null
            ? b.overlap
            : OverlapPolicy.defaultFor(b.schedule instanceof JobSchedule.OnDemand);
    this.catchUp = b.catchUp;
  }

  public static Builder builder(String name, JobSchedule schedule, TaskAction action) {
    return new Builder(name, schedule, action);
  }

  public String name() {
    return name;
  }

  public JobSchedule schedule() {
    return schedule;
  }

  public TaskAction action() {
    return action;
  }

  public RetryPolicy retry() {
    return retry;
  }

  /** The timeout the engine enforces: it interrupts the attempt; see the builder. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * How long an attempt may run, whoever enforces it: the engine's {@link #timeout()} or the body's
   * own ({@link Builder#actionTimeout}). What people are shown as the job's timeout.
   */
  public Optional<Duration> attemptTimeout() {
    return Optional.ofNullable(timeout != null ? timeout : actionTimeout);
  }

  public OverlapPolicy overlap() {
    return overlap;
  }

  /** Whether fires missed while the scheduler was stopped run once at start; see the builder. */
  public boolean catchUp() {
    return catchUp;
  }

  @Override
  public String toString() {
    return "JobDefinition{"
        + name
        + ", "
        + schedule
        + ", overlap="
        + overlap
        + (catchUp ? ", catchUp" : "")
        + '}';
  }

  /** Validates each value as it is set. */
  public static final class Builder {
    private final String name;
    private final JobSchedule schedule;
    private final TaskAction action;
    private RetryPolicy retry = RetryPolicy.none();
    private Duration timeout;
    private Duration actionTimeout;
    private OverlapPolicy overlap;
    private boolean catchUp;

    private Builder(String name, JobSchedule schedule, TaskAction action) {
      Objects.requireNonNull(name, "name");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "job name ("
                + name
                + ") must be 1-100 characters of letters, digits, '.', '_' or '-',"
                + " starting with a letter or digit");
      }
      this.name = name;
      this.schedule = Objects.requireNonNull(schedule, "schedule");
      this.action = Objects.requireNonNull(action, "action");
    }

    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** Each attempt is interrupted and failed with {@link TaskTimeoutException} after this. */
    public Builder timeout(Duration timeout) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("timeout (" + timeout + ") must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * The body ends each attempt itself after this (a command stops its whole process tree, which
     * an interrupt could not), so the engine does not time it; it only reports it as the job's
     * {@link JobDefinition#attemptTimeout()}. Not together with {@link #timeout}.
     */
    public Builder actionTimeout(Duration actionTimeout) {
      if (actionTimeout != null && (actionTimeout.isNegative() || actionTimeout.isZero())) {
        throw new IllegalArgumentException(
            "actionTimeout (" + actionTimeout + ") must be positive");
      }
      this.actionTimeout = actionTimeout;
      return this;
    }

    public Builder overlap(OverlapPolicy overlap) {
      this.overlap = Objects.requireNonNull(overlap, "overlap");
      return this;
    }

    /**
     * Like systemd's {@code Persistent=}: when the store shows that fires fell due while the
     * scheduler was stopped (more than 30 s before it started again), run the job once at start for
     * all of them. Without it they are not run. Either way a {@code task.skipped} event with error
     * type {@code missed} reports them. Only for interval and calendar jobs.
     */
    public Builder catchUp(boolean catchUp) {
      this.catchUp = catchUp;
      return this;
    }

    /**
     * @throws IllegalStateException when {@code catchUp} is set on an on-demand job, or both
     *     timeouts are set
     */
    public JobDefinition build() {
      if (timeout != null && actionTimeout != null) {
        throw new IllegalStateException(
            "job " + name + " has both a timeout and an actionTimeout; set the one that applies");
      }
      if (catchUp && schedule instanceof JobSchedule.OnDemand) {
        throw new IllegalStateException(
            "catchUp applies to interval and calendar jobs, not to on-demand job " + name);
      }
      return new JobDefinition(this);
    }
  }
}
