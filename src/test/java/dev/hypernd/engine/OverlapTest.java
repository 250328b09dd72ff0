package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypernd.testing.ManualScheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Overlap is engine logic (dkron's `forbid` broke repeatedly): each policy, fires and submits. */
class OverlapTest {
  private final ManualScheduler m = new ManualScheduler();
  private final List<String> ran = new ArrayList<>();

  /** An interval job whose first task runs 25 s of hand-driven time, spanning two more fires. */
  private void slowIntervalJob(OverlapPolicy overlap) {
    AtomicInteger calls = new AtomicInteger();
    m.scheduler()
        .schedule(
            JobDefinition.builder(
                    "slow",
                    JobSchedule.every(Duration.ofSeconds(10)),
                    ctx -> {
                      ran.add(ctx.taskId() + " start");
                      if (calls.incrementAndGet() == 1) {
                        m.tick(Duration.ofSeconds(25));
                      }
                      ran.add(ctx.taskId() + " end");
                      return null;
                    })
                .overlap(overlap)
                .build());
    m.scheduler().start();
    m.tick(Duration.ofSeconds(10));
  }

  @Test
  void skipDropsFiresWhileATaskIsRunning() {
    slowIntervalJob(OverlapPolicy.SKIP);

    assertThat(ran).containsExactly("sched-1 start", "sched-1 end");
    assertThat(m.events(TaskEvent.Type.SKIPPED)).hasSize(2);
    assertThat(m.events(TaskEvent.Type.SKIPPED).get(0).error().message())
        .isEqualTo("skipped: sched-1 is still RUNNING");
    assertThat(m.scheduler().getMetrics())
        .containsEntry("total_skipped", 2L)
        .containsEntry("total_submitted", 1L);
    m.tick(Duration.ofSeconds(5));
    assertThat(ran).containsExactly("sched-1 start", "sched-1 end", "sched-2 start", "sched-2 end");
  }

  @Test
  void allowRunsTasksSideBySide() {
    slowIntervalJob(OverlapPolicy.ALLOW);

    assertThat(ran)
        .containsExactly(
            "sched-1 start",
            "sched-2 start",
            "sched-2 end",
            "sched-3 start",
            "sched-3 end",
            "sched-1 end");
  }

  @Test
  void queueRunsTheWaitingTasksInOrderAfterwards() {
    slowIntervalJob(OverlapPolicy.QUEUE);

    assertThat(ran)
        .containsExactly(
            "sched-1 start",
            "sched-1 end",
            "sched-2 start",
            "sched-2 end",
            "sched-3 start",
            "sched-3 end");
  }

  @Test
  void replaceCancelsTheRunningTask() {
    slowIntervalJob(OverlapPolicy.REPLACE);

    assertThat(m.result("sched-1").state()).isEqualTo(TaskState.CANCELLED);
    assertThat(m.result("sched-1").error().message()).isEqualTo("replaced by sched-2");
    assertThat(m.result("sched-2").state()).isEqualTo(TaskState.COMPLETED);
    assertThat(m.result("sched-3").state()).isEqualTo(TaskState.COMPLETED);
    assertThat(ran)
        .containsExactly(
            "sched-1 start",
            "sched-2 start",
            "sched-2 end",
            "sched-3 start",
            "sched-3 end",
            "sched-1 end");
  }

  @Test
  void aRetryingTaskCountsAsActive() {
    m.scheduler()
        .schedule(
            JobDefinition.builder(
                    "retrier",
                    JobSchedule.every(Duration.ofSeconds(10)),
                    ctx -> {
                      throw new IOException("down");
                    })
                .retry(
                    RetryPolicy.builder()
                        .maxRetries(1)
                        .backoff(Duration.ofSeconds(15))
                        .maxDelay(Duration.ofSeconds(15))
                        .build())
                .build());
    m.scheduler().start();

    m.tick(Duration.ofSeconds(20));

    assertThat(m.result("sched-1").state()).isEqualTo(TaskState.RETRYING);
    assertThat(m.events(TaskEvent.Type.SKIPPED)).hasSize(1);
    assertThat(m.events(TaskEvent.Type.SKIPPED).get(0).error().message())
        .isEqualTo("skipped: sched-1 is still RETRYING");
  }

  @Test
  void skipAppliesToManualSubmissionsToo() {
    m.scheduler()
        .schedule(
            JobDefinition.builder(
                    "exclusive",
                    JobSchedule.onDemand(),
                    ctx -> {
                      assertThatThrownBy(() -> m.scheduler().submitter("exclusive").submit())
                          .isInstanceOf(OverlapException.class)
                          .hasMessageContaining("already has an active task (sched-1)");
                      return "only one";
                    })
                .overlap(OverlapPolicy.SKIP)
                .build());
    m.scheduler().start();

    String id = m.scheduler().submitter("exclusive").submit();

    assertThat(m.result(id).state()).isEqualTo(TaskState.COMPLETED);
    assertThat(m.scheduler().getMetrics()).containsEntry("total_submitted", 1L);
  }

  @Test
  void delayedSubmissionSkippedByOverlapIsRecordedNotLost() {
    m.scheduler()
        .schedule(
            JobDefinition.builder(
                    "exclusive",
                    JobSchedule.onDemand(),
                    ctx -> {
                      m.tick(Duration.ofSeconds(10));
                      return null;
                    })
                .overlap(OverlapPolicy.SKIP)
                .build());
    m.scheduler().start();
    String later = m.scheduler().submitter("exclusive").submitAfter(Duration.ofSeconds(5));

    m.scheduler().submitter("exclusive").submit();

    TaskResult skipped = m.result(later);
    assertThat(skipped.state()).isEqualTo(TaskState.CANCELLED);
    assertThat(skipped.error().type()).isEqualTo("overlap");
    assertThat(m.events(TaskEvent.Type.SKIPPED))
        .extracting(TaskEvent::taskId)
        .containsExactly(later);
  }

  @Test
  void onDemandJobsAllowOverlapByDefault() {
    JobDefinition def = JobDefinition.builder("x", JobSchedule.onDemand(), ctx -> null).build();
    JobDefinition fired =
        JobDefinition.builder("y", JobSchedule.every(Duration.ofSeconds(1)), ctx -> null).build();
    assertThat(def.overlap()).isEqualTo(OverlapPolicy.ALLOW);
    assertThat(fired.overlap()).isEqualTo(OverlapPolicy.SKIP);
  }
}
