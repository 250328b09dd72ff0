package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.store.InMemoryTaskStore;
import dev.hypernd.testing.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The engine hands a task to a worker as soon as it is created and changes each task under its own
 * lock, so other operations can come between a hand-out and its attempt. Each test forces one such
 * interleaving with a worker pool run by hand ({@link StepExecutor}) and a hand-driven clock.
 */
class InterleavingTest {
  private final StepExecutor workers = new StepExecutor();
  private final ManualScheduler m =
      new ManualScheduler(new InMemoryTaskStore(), b -> b.executor(workers));
  private final List<String> ran = new CopyOnWriteArrayList<>();

  private TaskSubmitter job(String name, OverlapPolicy overlap) {
    m.scheduler()
        .schedule(
            JobDefinition.builder(
                    name,
                    JobSchedule.onDemand(),
                    ctx -> {
                      ran.add(ctx.taskId());
                      return null;
                    })
                .overlap(overlap)
                .build());
    return m.scheduler().submitter(name);
  }

  @Test
  void aTaskCancelledAfterItsHandOutButBeforeItsWorkerStartsNeverRuns() {
    TaskSubmitter job = job("work", OverlapPolicy.ALLOW);
    m.scheduler().start();
    String id = job.submit();
    assertThat(workers.waiting()).isEqualTo(1);

    m.scheduler().cancel(id);
    workers.runAll();

    assertThat(ran).isEmpty();
    assertThat(m.result(id).state()).isEqualTo(TaskState.CANCELLED);
    assertThat(m.result(id).attempts()).isZero();
    assertThat(m.events(TaskEvent.Type.STARTED)).isEmpty();
    assertThat(m.scheduler().getMetrics())
        .containsEntry("total_cancelled", 1L)
        .containsEntry("total_completed", 0L)
        .containsEntry("pending", 0)
        .containsEntry("running", 0);
  }

  @Test
  void aQueuedTaskCancelledWhileItWaitsIsNeverPromoted() {
    TaskSubmitter job = job("serial", OverlapPolicy.QUEUE);
    m.scheduler().start();
    String first = job.submit();
    String second = job.submit();
    String third = job.submit();
    assertThat(workers.waiting()).as("only the first is handed out").isEqualTo(1);

    m.scheduler().cancel(second);
    workers.runAll();

    assertThat(ran).containsExactly(first, third);
    assertThat(m.result(second).state()).isEqualTo(TaskState.CANCELLED);
    assertThat(m.scheduler().jobs().get(0).running()).isZero();
  }

  @Test
  void replaceCancelsATaskStillWaitingForAWorkerAndItsStaleAttemptDoesNothing() {
    TaskSubmitter job = job("latest", OverlapPolicy.REPLACE);
    m.scheduler().start();
    String first = job.submit();
    String second = job.submit();
    assertThat(workers.waiting()).isEqualTo(2);

    workers.runAll();

    assertThat(ran).containsExactly(second);
    assertThat(m.result(first).state()).isEqualTo(TaskState.CANCELLED);
    assertThat(m.result(first).error().message()).isEqualTo("replaced by " + second);
    assertThat(m.result(second).state()).isEqualTo(TaskState.COMPLETED);
  }

  @Test
  void aTimeoutThatFiresWhileTheAttemptWaitsForAWorkerDoesNotApply() {
    m.scheduler()
        .schedule(
            JobDefinition.builder(
                    "bounded",
                    JobSchedule.onDemand(),
                    ctx -> {
                      ran.add(ctx.taskId());
                      return "done";
                    })
                .timeout(Duration.ofSeconds(1))
                .build());
    m.scheduler().start();
    String id = m.scheduler().submitter("bounded").submit();

    m.tick(Duration.ofSeconds(5));
    workers.runAll();

    assertThat(ran).containsExactly(id);
    assertThat(m.result(id).state())
        .as("the timeout counts from the start of the attempt, not from the hand-out")
        .isEqualTo(TaskState.COMPLETED);
  }

  @Test
  void aRunningTaskCancelledByAnotherThreadIgnoresItsBodysResult() {
    m.scheduler()
        .schedule(
            JobDefinition.builder(
                    "victim",
                    JobSchedule.onDemand(),
                    ctx -> {
                      // Another thread cancels while the body runs; the body still returns
                      // normally.
                      Thread canceller = new Thread(() -> m.scheduler().cancel(ctx.taskId()));
                      canceller.start();
                      canceller.join();
                      Thread.interrupted();
                      return "too late";
                    })
                .build());
    m.scheduler().start();
    String id = m.scheduler().submitter("victim").submit();

    workers.runAll();

    TaskResult result = m.result(id);
    assertThat(result.state()).isEqualTo(TaskState.CANCELLED);
    assertThat(result.result()).isNull();
    assertThat(m.events(TaskEvent.Type.COMPLETED)).isEmpty();
    assertThat(m.scheduler().getMetrics())
        .containsEntry("total_cancelled", 1L)
        .containsEntry("total_completed", 0L)
        .containsEntry("running", 0);
  }

  @Test
  void submissionsBeforeStartAreHandedOutOnceAtStart() {
    TaskSubmitter job = job("early", OverlapPolicy.ALLOW);
    String id = job.submit();
    assertThat(workers.waiting()).isZero();

    m.scheduler().start();
    workers.runAll();

    assertThat(ran).containsExactly(id);
    assertThat(m.events(TaskEvent.Type.STARTED)).hasSize(1);
  }
}
