package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypernd.testing.ManualScheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancelTest {
  private final ManualScheduler m = new ManualScheduler();

  @Test
  void cancelledPendingTaskNeverRuns() {
    AtomicInteger runs = new AtomicInteger();
    TaskSubmitter job = m.scheduler().task("later", ctx -> runs.incrementAndGet());
    m.scheduler().start();
    String id = job.submitAfter(Duration.ofMinutes(1));

    TaskResult cancelled = m.scheduler().cancel(id);
    m.tick(Duration.ofMinutes(5));

    assertThat(cancelled.state()).isEqualTo(TaskState.CANCELLED);
    assertThat(m.result(id).state()).isEqualTo(TaskState.CANCELLED);
    assertThat(runs.get()).isZero();
    assertThat(m.scheduler().getMetrics()).containsEntry("total_cancelled", 1L);
    assertThat(m.events(TaskEvent.Type.CANCELLED)).hasSize(1);
  }

  @Test
  void cancelledRetryingTaskNeverRunsAgain() {
    AtomicInteger runs = new AtomicInteger();
    TaskSubmitter job =
        m.scheduler()
            .task(
                "flaky",
                ctx -> {
                  runs.incrementAndGet();
                  throw new IOException("down");
                },
                RetryPolicy.builder().maxRetries(5).build());
    m.scheduler().start();
    String id = job.submit();
    assertThat(m.result(id).state()).isEqualTo(TaskState.RETRYING);

    m.scheduler().cancel(id);
    m.tick(Duration.ofHours(1));

    assertThat(runs.get()).isEqualTo(1);
    assertThat(m.result(id).state()).isEqualTo(TaskState.CANCELLED);
    assertThat(m.result(id).attempts()).isEqualTo(1);
  }

  @Test
  void cancellingARunningTaskInterruptsItsBody() {
    AtomicBoolean interrupted = new AtomicBoolean();
    TaskSubmitter job =
        m.scheduler()
            .task(
                "long",
                ctx -> {
                  m.scheduler().cancel(ctx.taskId());
                  interrupted.set(Thread.currentThread().isInterrupted());
                  return "finished anyway";
                });
    m.scheduler().start();

    String id = job.submit();

    assertThat(interrupted).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    TaskResult result = m.result(id);
    assertThat(result.state()).isEqualTo(TaskState.CANCELLED);
    assertThat(result.result()).isNull();
    assertThat(m.scheduler().getMetrics())
        .containsEntry("total_cancelled", 1L)
        .containsEntry("total_completed", 0L);
  }

  @Test
  void cancellingARunningTaskOnAWorkerThreadInterruptsThatThread() throws Exception {
    TaskScheduler scheduler = TaskScheduler.builder().workers(2).periodicClassLoader(null).build();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    TaskSubmitter job =
        scheduler.task(
            "blocking",
            ctx -> {
              started.countDown();
              try {
                new CountDownLatch(1).await();
              } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
              }
              return null;
            });
    scheduler.start();
    try {
      String id = job.submit();
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

      assertThat(scheduler.cancel(id).state()).isEqualTo(TaskState.CANCELLED);

      assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(scheduler.getResult(id).orElseThrow().state()).isEqualTo(TaskState.CANCELLED);
    } finally {
      scheduler.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void cancellingAFinishedTaskSaysItsState() {
    TaskSubmitter job = m.scheduler().task("quick", ctx -> "done");
    m.scheduler().start();
    String id = job.submit();

    assertThatThrownBy(() -> m.scheduler().cancel(id))
        .isInstanceOf(TaskStateException.class)
        .hasMessage("task sched-1 is already COMPLETED and cannot be cancelled")
        .extracting(e -> ((TaskStateException) e).state())
        .isEqualTo(TaskState.COMPLETED);
  }

  @Test
  void cancellingAnUnknownTaskIsAnError() {
    assertThatThrownBy(() -> m.scheduler().cancel("sched-42"))
        .isInstanceOf(NoSuchTaskException.class)
        .hasMessage("no task with id sched-42");
  }

  @Test
  void timeoutInterruptsTheBodyAndFailsTheAttempt() {
    AtomicBoolean sawInterrupt = new AtomicBoolean();
    JobDefinition def =
        JobDefinition.builder(
                "stuck",
                JobSchedule.onDemand(),
                ctx -> {
                  m.tick(Duration.ofSeconds(31));
                  sawInterrupt.set(Thread.interrupted());
                  throw new InterruptedException();
                })
            .timeout(Duration.ofSeconds(30))
            .build();
    m.scheduler().schedule(def);
    m.scheduler().start();

    String id = m.scheduler().submit("stuck", java.util.List.of(), Duration.ZERO);

    assertThat(sawInterrupt).isTrue();
    TaskResult result = m.result(id);
    assertThat(result.state()).isEqualTo(TaskState.FAILED);
    assertThat(result.error().type()).isEqualTo(TaskTimeoutException.class.getName());
    assertThat(result.error().message()).isEqualTo("timeout after 30s");
    assertThat(result.durationMs()).isEqualTo(30_000);
  }

  @Test
  void timedOutAttemptIsRetriedWhenThePolicyAllows() {
    AtomicInteger attempts = new AtomicInteger();
    JobDefinition def =
        JobDefinition.builder(
                "slow-then-fast",
                JobSchedule.onDemand(),
                ctx -> {
                  if (attempts.incrementAndGet() == 1) {
                    m.tick(Duration.ofSeconds(11));
                  }
                  return "attempt " + ctx.attempt();
                })
            .timeout(Duration.ofSeconds(10))
            .retry(RetryPolicy.builder().maxRetries(1).retryOn(TaskTimeoutException.class).build())
            .build();
    m.scheduler().schedule(def);
    m.scheduler().start();

    String id = m.scheduler().submit("slow-then-fast", java.util.List.of(), Duration.ZERO);
    m.tick(Duration.ofSeconds(5));

    TaskResult result = m.result(id);
    assertThat(result.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(result.result()).isEqualTo("attempt 2");
  }
}
