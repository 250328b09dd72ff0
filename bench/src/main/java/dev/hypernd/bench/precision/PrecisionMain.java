package dev.hypernd.bench.precision;

import dev.hypernd.bench.Args;
import dev.hypernd.bench.Json;
import dev.hypernd.bench.Stats;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Scheduling precision: N interval jobs firing every second with trivial bodies; lateness = body
 * start − due time. Shapes: {@code spread} (job j's phase is j/N of a second) and {@code
 * simultaneous} (every job due at the same instant). The first {@code --warmup} seconds of fires
 * are discarded; the next {@code --seconds} are measured and also cut into windows of {@code
 * --window} seconds, the repetitions of the report.
 *
 * <pre>
 * java -cp benchmarks.jar dev.hypernd.bench.precision.PrecisionMain --contender hypernd|stpe|quartz
 *     --jobs 1000 --shape spread --seconds 60 --warmup 5 --window 10 --workers 8 --out FILE
 * </pre>
 */
public final class PrecisionMain {
  private static final long PERIOD = TimeUnit.SECONDS.toNanos(1);

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    String which = args.require("contender");
    int jobs = args.getInt("jobs", 1000);
    String shape = args.get("shape", "spread");
    int warmup = args.getInt("warmup", 5);
    int seconds = args.getInt("seconds", 60);
    int window = args.getInt("window", 10);
    int workers = args.getInt("workers", 8);
    Path out = Path.of(args.require("out"));
    if (!shape.equals("spread") && !shape.equals("simultaneous")) {
      throw new IllegalArgumentException("--shape is spread or simultaneous, not " + shape);
    }
    if (seconds % window != 0) {
      throw new IllegalArgumentException("--seconds must be a multiple of --window");
    }

    int lastFire = 1 + warmup + seconds; // fires 1..warmup are warm-up, then `seconds` measured
    Lateness lateness = new Lateness(jobs, lastFire + 1);
    WallClock wall = new WallClock();
    Contender contender =
        switch (which) {
          case "hypernd" -> new HyperndContender(workers, PERIOD, lateness, wall);
          case "stpe" -> new StpeContender(workers, PERIOD, lateness);
          case "quartz" -> new QuartzContender(workers, PERIOD, lateness, wall);
          default -> throw new IllegalArgumentException("unknown contender " + which);
        };
    contender.start();
    System.gc();

    boolean spread = shape.equals("spread");
    long t0 = System.nanoTime() + (spread ? TimeUnit.MILLISECONDS.toNanos(100) : 0);
    long registrationStart = System.nanoTime();
    long maxLag = 0; // how long after its anchor a job was registered, at worst
    for (int j = 0; j < jobs; j++) {
      long anchor = spread ? t0 + PERIOD * j / jobs : t0;
      waitUntil(anchor);
      contender.register(j, anchor);
      maxLag = Math.max(maxLag, System.nanoTime() - anchor);
    }
    long registrationEnd = System.nanoTime();
    // Fire lastFire of the last job is due just before t0 + (lastFire + 1) periods.
    waitUntil(t0 + (lastFire + 1) * PERIOD + TimeUnit.MILLISECONDS.toNanos(300));
    contender.close();

    int first = 1 + warmup;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("contender", contender.name());
    result.put("jobs", jobs);
    result.put("shape", shape);
    result.put("workers", workers);
    result.put("period_ms", PERIOD / 1_000_000);
    result.put("warmup_s", warmup);
    result.put("seconds", seconds);
    result.put("window_s", window);
    result.put("registration_ms", (registrationEnd - registrationStart) / 1e6);
    result.put("registration_max_lag_ms", maxLag / 1e6);
    // A job registered after its first due time would make that fire late by construction.
    result.put("registration_overran_first_due", maxLag >= PERIOD);
    result.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
    result.put("dropped_by_scheduler", contender.dropped());
    result.put("whole", stats(lateness, first, first + seconds));
    List<Map<String, Object>> windows = new ArrayList<>();
    for (int w = first; w < first + seconds; w += window) {
      windows.add(stats(lateness, w, w + window));
    }
    result.put("windows", windows);
    Json.write(out, result);
    System.out.println(
        contender.name() + " " + jobs + " " + shape + ": " + Json.toJson(result.get("whole")));
    System.exit(0);
  }

  /** Lateness of fires {@code from} (inclusive) to {@code to} (exclusive) of every job. */
  private static Map<String, Object> stats(Lateness lateness, int from, int to) {
    int expected = lateness.jobs() * (to - from);
    long[] sample = new long[expected];
    int count = 0;
    for (int j = 0; j < lateness.jobs(); j++) {
      for (int n = from; n < to; n++) {
        long v = lateness.get(j, n);
        if (v != Lateness.NONE) {
          sample[count++] = v;
        }
      }
    }
    long[] got = Arrays.copyOf(sample, count);
    Map<String, Object> m = Stats.latenessMicros(got);
    m.put("expected", expected);
    m.put("missing", expected - count);
    return m;
  }

  private static void waitUntil(long deadline) {
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      if (left > 2_000_000) {
        LockSupport.parkNanos(left - 1_000_000);
      } else {
        Thread.onSpinWait();
      }
    }
  }
}
