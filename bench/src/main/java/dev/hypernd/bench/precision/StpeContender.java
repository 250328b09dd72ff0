package dev.hypernd.bench.precision;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The ceiling: a bare {@link ScheduledThreadPoolExecutor}, {@code scheduleAtFixedRate}. */
final class StpeContender implements Contender {
  private final ScheduledThreadPoolExecutor pool;
  private final Lateness lateness;
  private final long period;

  StpeContender(int workers, long periodNanos, Lateness lateness) {
    this.pool = new ScheduledThreadPoolExecutor(workers);
    this.lateness = lateness;
    this.period = periodNanos;
  }

  @Override
  public String name() {
    return "stpe";
  }

  @Override
  public void start() {
    pool.prestartAllCoreThreads();
  }

  @Override
  public void register(int job, long anchorNanos) {
    long firstDue = anchorNanos + period;
    Runnable body =
        new Runnable() {
          private long n;

          @Override
          public void run() {
            long now = System.nanoTime();
            long fire = ++n;
            lateness.record(job, fire, now - (anchorNanos + fire * period));
          }
        };
    // The executor adds its own nanoTime() to the delay, so its first due is firstDue plus the
    // few hundred nanoseconds between the two readings: never earlier than ours.
    pool.scheduleAtFixedRate(body, firstDue - System.nanoTime(), period, TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }
}
