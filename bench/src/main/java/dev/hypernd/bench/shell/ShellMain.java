package dev.hypernd.bench.shell;

import dev.hypernd.bench.Args;
import dev.hypernd.bench.Json;
import dev.hypernd.bench.Stats;
import dev.hypernd.engine.TaskEvent;
import dev.hypernd.engine.TaskScheduler;
import dev.hypernd.engine.TaskSubmitter;
import dev.hypernd.jobs.shell.ShellCommand;
import dev.hypernd.jobs.shell.ShellOutcome;
import dev.hypernd.jobs.shell.ShellRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Due-to-exec latency of a shell job against the floor, a bare {@code ProcessBuilder.start()} of
 * the same command. The command is {@code stamp} (bench/src/main/c/stamp.c), which prints
 * CLOCK_MONOTONIC as main() starts; Java's {@code System.nanoTime()} reads the same clock. For each
 * run:
 *
 * <ul>
 *   <li>{@code exec}: from the call (the due time) to the child's main(): for the floor, from just
 *       before {@code ProcessBuilder.start()}; for {@code runner}, from just before {@code
 *       ShellRunner.run}; for {@code engine}, from just before {@code TaskSubmitter.submit} of a
 *       job whose body is {@code ShellRunner.run} (the path a submitted shell job takes).
 *   <li>{@code done}: from the same call until the result is in the caller's hands: the floor has
 *       read stdout to the end and reaped the child; the runner has returned its outcome; the
 *       engine has published {@code task.completed}.
 * </ul>
 *
 * {@code floor_setsid} is the floor started through {@code /usr/bin/setsid}, as ShellRunner starts
 * every job (its own session and process group): it splits the runner's overhead into the cost of
 * that extra exec and the rest; {@code floor_setsid_static} (with {@code --setsid-static}) uses a
 * static ten-line setsid+exec helper instead (bench/src/main/c/setsid_static.c). Variants alternate
 * run by run; each round of {@code --runs} runs per variant is a repetition.
 */
public final class ShellMain {

  private final List<String> command;
  private final List<String> setsidCommand;
  private final List<String> setsidStaticCommand;
  private final String[] variants;
  private final boolean wallClock;
  private final ShellRunner runner = new ShellRunner();
  private final ShellCommand shellCommand;
  private final TaskScheduler scheduler;
  private final TaskSubmitter submitter;
  private final BlockingQueue<TaskEvent> completed = new ArrayBlockingQueue<>(1);

  private ShellMain(List<String> command, boolean wallClock, String setsidStatic) {
    this.command = command;
    List<String> viaSetsid = new ArrayList<>(List.of("/usr/bin/setsid", "--"));
    viaSetsid.addAll(command);
    this.setsidCommand = List.copyOf(viaSetsid);
    List<String> viaStatic = new ArrayList<>(List.of(setsidStatic));
    viaStatic.addAll(command);
    this.setsidStaticCommand = List.copyOf(viaStatic);
    this.variants =
        setsidStatic.isEmpty()
            ? new String[] {"floor", "floor_setsid", "runner", "engine"}
            : new String[] {"floor", "floor_setsid", "floor_setsid_static", "runner", "engine"};
    this.wallClock = wallClock;
    this.shellCommand = ShellCommand.argv("bench-shell", command);
    this.scheduler = TaskScheduler.builder().workers(8).periodicClassLoader(null).build();
    scheduler
        .monitor()
        .onEvent(
            e -> {
              if (e.type() == TaskEvent.Type.COMPLETED || e.type() == TaskEvent.Type.FAILED) {
                completed.add(e);
              }
            });
    this.submitter = scheduler.task("shell", ctx -> runner.run(shellCommand, List.of(), Map.of()));
    scheduler.start();
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int rounds = args.getInt("rounds", 5);
    int runs = args.getInt("runs", 100);
    int warmup = args.getInt("warmup", 50);
    String stamp = args.get("stamp", "");
    boolean wall = stamp.isEmpty();
    List<String> command = wall ? List.of("/bin/date", "+%s%N") : List.of(stamp);
    ShellMain main = new ShellMain(command, wall, args.get("setsid-static", ""));
    String[] variants = main.variants;

    for (int i = 0; i < warmup; i++) {
      for (String v : variants) {
        main.once(v);
      }
    }
    Map<String, List<long[]>> samples = new LinkedHashMap<>();
    Map<String, List<Map<String, Object>>> roundStats = new LinkedHashMap<>();
    for (String v : variants) {
      samples.put(v, new ArrayList<>());
      roundStats.put(v, new ArrayList<>());
    }
    for (int r = 0; r < rounds; r++) {
      Map<String, List<long[]>> round = new LinkedHashMap<>();
      for (String v : variants) {
        round.put(v, new ArrayList<>());
      }
      for (int i = 0; i < runs; i++) {
        for (int k = 0; k < variants.length; k++) {
          String v = variants[(i + k) % variants.length];
          round.get(v).add(main.once(v));
        }
      }
      for (String v : variants) {
        samples.get(v).addAll(round.get(v));
        roundStats.get(v).add(summary(round.get(v)));
      }
    }
    main.scheduler.shutdown(Duration.ofSeconds(10));

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("command", command);
    out.put("clock", wall ? "wall (date +%s%N; stamp not built)" : "monotonic (stamp)");
    out.put("rounds", rounds);
    out.put("runs_per_round", runs);
    out.put("warmup_runs", warmup);
    Map<String, Object> byVariant = new LinkedHashMap<>();
    for (String v : variants) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rounds", roundStats.get(v));
      m.put("pooled", summary(samples.get(v)));
      byVariant.put(v, m);
    }
    out.put("variants", byVariant);
    Json.write(Path.of(args.require("out")), out);
    for (String v : variants) {
      System.out.println("shell " + v + ": " + Json.toJson(summary(samples.get(v))));
    }
    System.exit(0);
  }

  /** One run of a variant: {exec, done} in nanoseconds after the call. */
  private long[] once(String variant) throws Exception {
    return switch (variant) {
      case "floor" -> floor(command);
      case "floor_setsid" -> floor(setsidCommand);
      case "floor_setsid_static" -> floor(setsidStaticCommand);
      case "runner" -> runner();
      case "engine" -> engine();
      default -> throw new IllegalArgumentException(variant);
    };
  }

  private long[] floor(List<String> argv) throws Exception {
    long t0 = now();
    Process p = new ProcessBuilder(argv).start();
    byte[] out = p.getInputStream().readAllBytes();
    p.waitFor();
    long done = now();
    return new long[] {stampOf(new String(out, StandardCharsets.US_ASCII)) - t0, done - t0};
  }

  private long[] runner() throws Exception {
    long t0 = now();
    ShellOutcome outcome = runner.run(shellCommand, List.of(), Map.of());
    long done = now();
    return new long[] {stampOf(outcome.stdoutTail()) - t0, done - t0};
  }

  private long[] engine() throws Exception {
    long t0 = now();
    submitter.submit();
    TaskEvent e = completed.poll(30, TimeUnit.SECONDS);
    long done = now();
    if (e == null || e.type() != TaskEvent.Type.COMPLETED) {
      throw new IllegalStateException("shell task did not complete: " + e);
    }
    return new long[] {stampOf(((ShellOutcome) e.result()).stdoutTail()) - t0, done - t0};
  }

  private long now() {
    if (wallClock) {
      Instant i = Instant.now();
      return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
    return System.nanoTime();
  }

  private static long stampOf(String output) {
    return Long.parseLong(output.trim());
  }

  /** Median, p90 and max of exec and done, in µs. */
  private static Map<String, Object> summary(List<long[]> runs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", runs.size());
    for (int k = 0; k < 2; k++) {
      long[] v = new long[runs.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = runs.get(i)[k];
      }
      Arrays.sort(v);
      String name = k == 0 ? "exec" : "done";
      m.put(name + "_p50_us", Stats.micros(Stats.percentile(v, 0.5)));
      m.put(name + "_p90_us", Stats.micros(Stats.percentile(v, 0.9)));
      m.put(name + "_max_us", Stats.micros(v[v.length - 1]));
    }
    return m;
  }
}
