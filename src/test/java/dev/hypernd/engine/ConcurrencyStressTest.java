package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * The engine on real threads under a bounded storm: several submitters, a canceller, timeouts,
 * retries and every overlap policy at once. Interleavings are left to the machine, so the test
 * asserts what must hold for every one of them: each task ends in exactly one final state, the
 * stored result agrees with its last event, the metrics add up, no attempt starts before it is due,
 * and a QUEUE or SKIP job never runs two bodies at once.
 */
class ConcurrencyStressTest {
  private static final int SUBMITTERS = 4;
  private static final int PER_SUBMITTER = 300;
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private final Map<String, List<TaskEvent.Type>> finals = new ConcurrentHashMap<>();
  private final Set<String> submitted = ConcurrentHashMap.newKeySet();
  private final LongAdder retryEvents = new LongAdder();
  private final LongAdder earlyStarts = new LongAdder();
  private final Map<String, AtomicInteger> bodiesRunning = new ConcurrentHashMap<>();
  private final AtomicInteger serialOverlaps = new AtomicInteger();

  @Test
  void everyTaskEndsOnceAndTheMetricsAddUp() throws Exception {
    TaskScheduler scheduler = TaskScheduler.builder().workers(8).periodicClassLoader(null).build();
    scheduler.monitor().onEvent(this::record);
    define(scheduler);
    scheduler.start();
    try {
      List<String> jobs = List.of("ok", "flaky", "slow", "serial", "exclusive", "latest");
      List<String> cancellable = new CopyOnWriteArrayList<>();
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int s = 0; s < SUBMITTERS; s++) {
        threads.add(
            new Thread(
                () -> {
                  await(go);
                  ThreadLocalRandom random = ThreadLocalRandom.current();
                  for (int i = 0; i < PER_SUBMITTER; i++) {
                    String job = jobs.get(random.nextInt(jobs.size()));
                    Duration delay = Duration.ofMillis(random.nextInt(4) == 0 ? 2 : 0);
                    try {
                      String id = scheduler.submit(job, List.of(i), delay);
                      submitted.add(id);
                      if (!job.equals("serial") && !job.equals("exclusive")) {
                        cancellable.add(id);
                      }
                    } catch (OverlapException expected) {
                      // exclusive is busy: refused, nothing created
                    }
                  }
                }));
      }
      Thread canceller =
          new Thread(
              () -> {
                await(go);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < PER_SUBMITTER; i++) {
                  List<String> ids = cancellable;
                  if (ids.isEmpty()) {
                    Thread.onSpinWait();
                    continue;
                  }
                  try {
                    scheduler.cancel(ids.get(random.nextInt(ids.size())));
                  } catch (TaskStateException alreadyFinished) {
                    // raced with its end: fine
                  }
                }
              });
      threads.add(canceller);
      threads.forEach(Thread::start);
      go.countDown();
      for (Thread t : threads) {
        t.join(DEADLINE.toMillis());
      }
      awaitAllFinal(scheduler);

      for (String id : submitted) {
        List<TaskEvent.Type> ends = finals.get(id);
        assertThat(ends).as("final events of %s", id).hasSize(1);
        TaskResult result = scheduler.getResult(id).orElseThrow();
        TaskState expected =
            ends.get(0) == TaskEvent.Type.SKIPPED
                ? TaskState.CANCELLED
                : TaskState.valueOf(ends.get(0).name());
        assertThat(result.state()).as(id).isEqualTo(expected);
      }
      MetricsSnapshot m = scheduler.metrics();
      assertThat(m.totalSubmitted()).isEqualTo(submitted.size());
      assertThat(m.totalCompleted() + m.totalFailed() + m.totalCancelled() + m.totalSkipped())
          .isEqualTo(submitted.size());
      assertThat(m.totalSkipped()).isEqualTo(count(TaskEvent.Type.SKIPPED));
      assertThat(m.totalCompleted()).isEqualTo(count(TaskEvent.Type.COMPLETED));
      assertThat(m.totalFailed()).isEqualTo(count(TaskEvent.Type.FAILED));
      assertThat(m.totalCancelled()).isEqualTo(count(TaskEvent.Type.CANCELLED));
      assertThat(m.totalRetried()).isEqualTo(retryEvents.sum());
      assertThat(m.running()).isZero();
      assertThat(m.pending()).isZero();
      assertThat(earlyStarts.sum()).as("attempts started before they were due").isZero();
      assertThat(serialOverlaps.get()).as("QUEUE/SKIP bodies running at once").isZero();
    } finally {
      scheduler.shutdown(Duration.ofSeconds(10));
    }
  }

  private void define(TaskScheduler scheduler) {
    RetryPolicy quickRetry =
        RetryPolicy.builder()
            .maxRetries(2)
            .backoff(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(2))
            .build();
    scheduler.schedule(JobDefinition.builder("ok", JobSchedule.onDemand(), ctx -> "ok").build());
    scheduler.schedule(
        JobDefinition.builder(
                "flaky",
                JobSchedule.onDemand(),
                ctx -> {
                  if (ThreadLocalRandom.current().nextBoolean()) {
                    throw new IOException("flaky");
                  }
                  return null;
                })
            .retry(quickRetry)
            .build());
    scheduler.schedule(
        JobDefinition.builder(
                "slow",
                JobSchedule.onDemand(),
                ctx -> {
                  if (ThreadLocalRandom.current().nextBoolean()) {
                    // Blocks until its timeout interrupts it.
                    new CountDownLatch(1).await();
                  }
                  return null;
                })
            .timeout(Duration.ofMillis(2))
            .retry(quickRetry)
            .build());
    scheduler.schedule(
        JobDefinition.builder("serial", JobSchedule.onDemand(), ctx -> exclusiveBody(ctx))
            .overlap(OverlapPolicy.QUEUE)
            .retry(quickRetry)
            .build());
    scheduler.schedule(
        JobDefinition.builder("exclusive", JobSchedule.onDemand(), ctx -> exclusiveBody(ctx))
            .overlap(OverlapPolicy.SKIP)
            .build());
    scheduler.schedule(
        JobDefinition.builder("latest", JobSchedule.onDemand(), ctx -> null)
            .overlap(OverlapPolicy.REPLACE)
            .build());
  }

  /** A body that must never run beside another of its job (not cancelled, never times out). */
  private Object exclusiveBody(TaskContext ctx) {
    AtomicInteger running = bodiesRunning.computeIfAbsent(ctx.jobName(), k -> new AtomicInteger());
    if (running.incrementAndGet() > 1) {
      serialOverlaps.incrementAndGet();
    }
    Thread.yield();
    running.decrementAndGet();
    if (ThreadLocalRandom.current().nextInt(5) == 0) {
      throw new IllegalStateException("retry me");
    }
    return null;
  }

  private void record(TaskEvent e) {
    switch (e.type()) {
      // A delayed task that its SKIP job drops ends CANCELLED, reported as task.skipped.
      case COMPLETED, FAILED, CANCELLED, SKIPPED -> {
        if (e.taskId() != null) {
          finals.computeIfAbsent(e.taskId(), k -> new CopyOnWriteArrayList<>()).add(e.type());
          synchronized (finals) {
            finals.notifyAll();
          }
        }
      }
      case ERROR -> {
        if (e.willRetry()) {
          retryEvents.increment();
        }
      }
      case STARTED -> {
        if (e.latenessMs() < 0) {
          earlyStarts.increment();
        }
      }
      default -> {}
    }
  }

  private long count(TaskEvent.Type type) {
    return finals.values().stream().flatMap(List::stream).filter(t -> t == type).count();
  }

  /** Waits, woken by each final event, until every submitted task has one. */
  private void awaitAllFinal(TaskScheduler scheduler) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    synchronized (finals) {
      while (!finals.keySet().containsAll(submitted)) {
        long left = deadline - System.nanoTime();
        assertThat(left)
            .as(
                () ->
                    "every task finished within "
                        + DEADLINE
                        + "; not: "
                        + submitted.stream()
                            .filter(id -> !finals.containsKey(id))
                            .limit(10)
                            .map(id -> scheduler.getResult(id).orElseThrow().toString())
                            .toList())
            .isPositive();
        TimeUnit.NANOSECONDS.timedWait(finals, left);
      }
    }
  }

  private static void await(CountDownLatch go) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
