package dev.hypernd.jobs;

import dev.hypernd.cron.CronSchedule;
import dev.hypernd.engine.JobSchedule;
import dev.hypernd.jobs.config.CronScheduleSpec;
import dev.hypernd.jobs.config.DurationParser;
import dev.hypernd.jobs.config.IntervalSchedule;
import dev.hypernd.jobs.config.OnceSchedule;
import dev.hypernd.jobs.config.RandomDelay;
import dev.hypernd.jobs.config.Schedule;

/**
 * A job file's schedule as the engine's. A {@code once} job is on-demand in the engine: its {@code
 * at_start} run is a submission the daemon makes when it starts, not a schedule.
 */
final class Schedules {
  private Schedules() {}

  static JobSchedule of(String job, Schedule schedule) {
    if (schedule instanceof IntervalSchedule interval) {
      return new JobSchedule.Interval(interval.every(), interval.atStart());
    }
    if (schedule instanceof CronScheduleSpec cron && cron.randomDelay().isPresent()) {
      RandomDelay delay = cron.randomDelay().get();
      CronSchedule fires = CronSchedule.parse(cron.expression(), cron.zone());
      String seed = delay.perHost() ? HostIdentity.host() : HostIdentity.run();
      return new JobSchedule.Calendar(
          new DelayedFires(JobSchedule.CalendarSchedule.of(fires), delay, job, seed),
          cron.expression()
              + " "
              + cron.zone()
              + " + random_delay "
              + DurationParser.format(delay.max())
              + (delay.perHost() ? " per host" : ""));
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
