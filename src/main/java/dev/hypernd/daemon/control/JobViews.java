package dev.hypernd.daemon.control;

import dev.hypernd.control.JobView;
import dev.hypernd.engine.Durations;
import dev.hypernd.engine.JobDefinition;
import dev.hypernd.engine.JobInfo;
import dev.hypernd.engine.JobSchedule;
import dev.hypernd.engine.TaskResult;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Builds {@link JobView}s from what the engine knows of a job and its newest task. */
final class JobViews {
  private JobViews() {}

  static JobView of(JobInfo job, Optional<TaskResult> newest) {
    JobDefinition def = job.definition();
    TaskResult last = newest.orElse(null);
    return new JobView(
        job.name(),
        describe(def.schedule()),
        job.paused(),
        job.nextFire(),
        job.lastFire(),
        job.running(),
        last == null ? null : last.taskId(),
        last == null ? null : last.state().name(),
        last == null || last.attempts() == 0 ? null : last.durationMs(),
        def.overlap().name().toLowerCase(Locale.ROOT),
        def.attemptTimeout().map(Duration::toMillis).orElse(null),
        def.retry().maxRetries());
  }

  static String describe(JobSchedule schedule) {
    if (schedule instanceof JobSchedule.Interval interval) {
      String every = "every " + Durations.format(interval.every());
      return interval.atStart() ? every + ", at start" : every;
    }
    if (schedule instanceof JobSchedule.Calendar calendar) {
      return calendar.description();
    }
    return "on demand";
  }
}
