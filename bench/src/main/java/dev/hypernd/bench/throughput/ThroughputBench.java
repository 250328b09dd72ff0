package dev.hypernd.bench.throughput;

import dev.hypernd.engine.TaskEvent;
import dev.hypernd.engine.TaskScheduler;
import dev.hypernd.engine.TaskSubmitter;
import dev.hypernd.engine.store.TaskStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.listeners.TriggerListenerSupport;

/**
 * Trivial one-shot tasks submitted and completed per second, in process. One invocation submits
 * {@link #BATCH} tasks from the benchmark thread and waits until the scheduler reports every one
 * complete: hypernd's {@code task.completed} event (after its bookkeeping), Quartz's {@code
 * triggerComplete}, and for the bare executor the end of the body. Every contender has {@link
 * #WORKERS} worker threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThroughputBench {
  static final int BATCH = 10_000;
  static final int WORKERS = 8;

  /** hypernd: {@code TaskScheduler.task(...)} and {@code TaskSubmitter.submit()}. */
  @State(Scope.Benchmark)
  public static class Hypernd {
    /**
     * memory, or sqlite: the durable embedded store as the engine's TaskStore, in a fresh directory
     * under java.io.tmpdir (run.sh adds it once the engine has it).
     */
    @Param({"memory"})
    public String store;

    TaskScheduler scheduler;
    TaskSubmitter submitter;
    TaskStore taskStore;
    Path storeDir;
    volatile CountDownLatch done;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      storeDir = Files.createTempDirectory("hypernd-bench-store");
      taskStore = Stores.open(store, storeDir);
      scheduler =
          TaskScheduler.builder()
              .workers(WORKERS)
              .store(taskStore)
              .periodicClassLoader(null)
              .build();
      scheduler
          .monitor()
          .onEvent(
              e -> {
                if (e.type() == TaskEvent.Type.COMPLETED) {
                  done.countDown();
                }
              });
      submitter = scheduler.task("noop", ctx -> null);
      scheduler.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      scheduler.shutdown(Duration.ofSeconds(30));
      taskStore.close();
      Stores.delete(storeDir);
    }
  }

  /** The ceiling: a bare {@link ScheduledThreadPoolExecutor}, {@code execute}. */
  @State(Scope.Benchmark)
  public static class Stpe {
    ScheduledThreadPoolExecutor pool;
    volatile CountDownLatch done;
    Runnable body = () -> done.countDown();

    @Setup(Level.Trial)
    public void setUp() {
      pool = new ScheduledThreadPoolExecutor(WORKERS);
      pool.prestartAllCoreThreads();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** Quartz in memory: one job and one start-now trigger per task, defaults but the threads. */
  @State(Scope.Benchmark)
  public static class Quartz {
    Scheduler scheduler;
    volatile CountDownLatch done;
    final AtomicLong ids = new AtomicLong();

    /** The trivial body; Quartz creates an instance per fire. */
    public static final class Noop implements Job {
      @Override
      public void execute(JobExecutionContext context) {}
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      Properties p = new Properties();
      p.setProperty("org.quartz.scheduler.instanceName", "bench-throughput");
      p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
      p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(WORKERS));
      p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
      scheduler = new StdSchedulerFactory(p).getScheduler();
      scheduler
          .getListenerManager()
          .addTriggerListener(
              new TriggerListenerSupport() {
                @Override
                public String getName() {
                  return "completions";
                }

                @Override
                public void triggerComplete(
                    Trigger trigger,
                    JobExecutionContext context,
                    Trigger.CompletedExecutionInstruction instruction) {
                  done.countDown();
                }
              });
      scheduler.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      scheduler.shutdown(true);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void hypernd(Hypernd s) throws InterruptedException {
    s.done = new CountDownLatch(BATCH);
    for (int i = 0; i < BATCH; i++) {
      s.submitter.submit();
    }
    s.done.await();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void stpe(Stpe s) throws InterruptedException {
    s.done = new CountDownLatch(BATCH);
    for (int i = 0; i < BATCH; i++) {
      s.pool.execute(s.body);
    }
    s.done.await();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void quartz(Quartz s) throws Exception {
    s.done = new CountDownLatch(BATCH);
    Date now = new Date();
    for (int i = 0; i < BATCH; i++) {
      long id = s.ids.incrementAndGet();
      s.scheduler.scheduleJob(
          JobBuilder.newJob(Quartz.Noop.class).withIdentity("t" + id).build(),
          TriggerBuilder.newTrigger().withIdentity("t" + id).startAt(now).build());
    }
    s.done.await();
  }
}
