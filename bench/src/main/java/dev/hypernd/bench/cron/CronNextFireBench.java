package dev.hypernd.bench.cron;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds per next-fire computation over the whole mix ({@link CronCases}): one invocation
 * computes the next fire of every (expression, start) pair once, in the same order for every peer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class CronNextFireBench {
  /** {@code CronCases.pairs()}; a constant because JMH needs one. Checked in setup. */
  static final int PAIRS = 234;

  private CronPeers peers;

  @Setup
  public void setUp() {
    if (CronCases.pairs() != PAIRS) {
      throw new IllegalStateException(
          "PAIRS is " + PAIRS + " but the mix has " + CronCases.pairs());
    }
    CrossCheck.run().requireAgreement();
    peers = new CronPeers(CronCases.CASES, CronCases.STARTS);
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public void hypernd(Blackhole bh) {
    var schedules = peers.hypernd;
    var in = peers.hyperndIn;
    for (int i = 0; i < PAIRS; i++) {
      bh.consume(schedules[i].nextAfter(in[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public void spring(Blackhole bh) {
    var expressions = peers.spring;
    var in = peers.zonedIn;
    for (int i = 0; i < PAIRS; i++) {
      bh.consume(expressions[i].next(in[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public void quartz(Blackhole bh) {
    var expressions = peers.quartz;
    var in = peers.quartzIn;
    for (int i = 0; i < PAIRS; i++) {
      bh.consume(expressions[i].getNextValidTimeAfter(in[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public void cronUtils(Blackhole bh) {
    var times = peers.cronUtils;
    var in = peers.zonedIn;
    for (int i = 0; i < PAIRS; i++) {
      bh.consume(times[i].nextExecution(in[i]));
    }
  }
}
