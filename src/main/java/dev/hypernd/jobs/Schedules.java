package dev.hypernd.jobs;

import dev.hypernd.engine.JobSchedule;
import dev.hypernd.jobs.config.CronScheduleSpec;
import dev.hypernd.jobs.config.IntervalSchedule;
import dev.hypernd.jobs.config.OnceSchedule;
import dev.hypernd.jobs.config.Schedule;

/**
 * A job file's schedule as the engine's. A {@code once} job is on-demand in the engine: its {@code
 * at_start} run is a submission the daemon makes when it starts, not a schedule.
 */
final class Schedules {
  private Schedules() {}

  static JobSchedule of(Schedule schedule) {
    if (schedule instanceof IntervalSchedule interval) {
      return new JobSchedule.Interval(interval.every(), interval.atStart());
    }
    if (schedule instanceof CronScheduleSpec cron) {
      return JobSchedule.cron(cron.expression(), cron.zone());
    }
    if (schedule instanceof OnceSchedule) {
      return JobSchedule.onDemand();
    }
    throw new IllegalArgumentException("unknown schedule " + schedule);
  }
}
