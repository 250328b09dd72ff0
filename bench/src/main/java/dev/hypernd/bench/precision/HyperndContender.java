package dev.hypernd.bench.precision;

import dev.hypernd.engine.TaskEvent;
import dev.hypernd.engine.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** hypernd's engine: one {@code TaskScheduler.interval} job per job, trivial bodies. */
final class HyperndContender implements Contender {
  private final PinnedClock clock = new PinnedClock();
  private final TaskScheduler scheduler;
  private final Lateness lateness;
  private final long period;
  private final WallClock wall;
  private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();

  HyperndContender(int workers, long periodNanos, Lateness lateness, WallClock wall) {
    this.scheduler =
        TaskScheduler.builder().workers(workers).clock(clock).periodicClassLoader(null).build();
    this.lateness = lateness;
    this.period = periodNanos;
    this.wall = wall;
    scheduler
        .monitor()
        .onEvent(
            e -> {
              if (e.type() == TaskEvent.Type.SKIPPED) {
                String why = e.error() == null ? "unknown" : e.error().type();
                dropped.computeIfAbsent(why, k -> new LongAdder()).increment();
              }
            });
  }

  @Override
  public Map<String, Long> dropped() {
    Map<String, Long> out = new TreeMap<>();
    dropped.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  @Override
  public String name() {
    return "hypernd";
  }

  @Override
  public void start() {
    scheduler.start();
  }

  @Override
  public void register(int job, long anchorNanos) {
    Instant anchorWall = wall.toInstant(anchorNanos);
    clock.pin(anchorNanos, anchorWall);
    try {
      scheduler.interval(
          "job-" + job,
          Duration.ofNanos(period),
          ctx -> {
            long now = System.nanoTime();
            long n = Duration.between(anchorWall, ctx.scheduledAt()).toNanos() / period;
            lateness.record(job, n, now - (anchorNanos + n * period));
            return null;
          });
    } finally {
      clock.unpin();
    }
  }

  @Override
  public void close() throws InterruptedException {
    scheduler.shutdown(Duration.ofSeconds(10));
  }
}
