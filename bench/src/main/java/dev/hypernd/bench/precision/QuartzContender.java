package dev.hypernd.bench.precision;

import java.util.Date;
import java.util.Properties;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz in memory ({@code RAMJobStore}), defaults except the thread count: one job and one {@code
 * SimpleTrigger} repeating every period per job. Quartz keeps time in wall-clock milliseconds, so
 * its due time is the trigger's own {@code scheduledFireTime} and lateness is the wall clock at
 * body start minus it.
 */
final class QuartzContender implements Contender {
  // Quartz instantiates the job class by reflection for every fire; the class finds its recorder
  // here. Only one contender runs per JVM.
  private static volatile Lateness recorder;
  private static volatile long periodMillis;

  private final Scheduler scheduler;
  private final WallClock wall;
  private final long period;

  QuartzContender(int workers, long periodNanos, Lateness lateness, WallClock wall)
      throws Exception {
    if (periodNanos % 1_000_000 != 0) {
      throw new IllegalArgumentException("Quartz needs a period in whole milliseconds");
    }
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "bench");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(workers));
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    scheduler = new StdSchedulerFactory(p).getScheduler();
    recorder = lateness;
    periodMillis = periodNanos / 1_000_000;
    this.wall = wall;
    this.period = periodNanos;
  }

  /** The body: records wall-clock lateness against the trigger's scheduled fire time. */
  public static final class Probe implements Job {
    @Override
    public void execute(JobExecutionContext context) {
      long now = WallClock.wallNowNanos();
      long due = context.getScheduledFireTime().getTime();
      var data = context.getJobDetail().getJobDataMap();
      int job = data.getInt("job");
      long first = data.getLong("first");
      long n = (due - first) / periodMillis + 1;
      recorder.record(job, n, now - due * 1_000_000);
    }
  }

  @Override
  public String name() {
    return "quartz";
  }

  @Override
  public void start() throws Exception {
    scheduler.start();
  }

  @Override
  public void register(int job, long anchorNanos) throws Exception {
    long firstMillis = Math.floorDiv(wall.toWall(anchorNanos + period) + 999_999, 1_000_000);
    JobDetail detail =
        JobBuilder.newJob(Probe.class)
            .withIdentity("job-" + job)
            .usingJobData("job", job)
            .usingJobData("first", firstMillis)
            .build();
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity("trigger-" + job)
            .startAt(new Date(firstMillis))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(periodMillis)
                    .repeatForever())
            .build();
    scheduler.scheduleJob(detail, trigger);
  }

  @Override
  public void close() throws Exception {
    scheduler.shutdown(true);
  }
}
