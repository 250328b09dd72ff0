package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.store.sqlite.SqliteTaskStore;
import dev.hypernd.testing.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tasks across a restart on a real state file: one scheduler writes, a second one opens the same
 * file (after a clean stop) or a crash image of it (as {@code kill -9} leaves it) and carries on.
 */
class RestartRecoveryTest {
  @RegisterExtension final StateFiles files = new StateFiles();
  final List<List<Object>> runs = new ArrayList<>();
  final AtomicInteger failuresLeft = new AtomicInteger();

  private TaskAction recording() {
    return ctx -> {
      runs.add(ctx.args());
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("flaky");
      }
      return "done " + ctx.args();
    };
  }

  private JobDefinition email(RetryPolicy retry) {
    return JobDefinition.builder("email", JobSchedule.onDemand(), recording()).retry(retry).build();
  }

  @Test
  void aDelayedTaskStillWaitsForItsTimeAfterACrash() {
    SqliteTaskStore first = files.fresh();
    ManualScheduler a = new ManualScheduler(first);
    a.scheduler().schedule(email(RetryPolicy.none()));
    a.scheduler().start();
    String id = a.scheduler().submit("email", List.of("alice"), Duration.ofHours(1));
    a.tick(Duration.ofMinutes(10));
    Path image = files.crashImage(first);

    ManualScheduler b = files.restart(image, Duration.ofMinutes(20), email(RetryPolicy.none()));

    assertThat(b.result(id).state()).isEqualTo(TaskState.PENDING);
    b.tick(Duration.ofMinutes(39));
    assertThat(runs).isEmpty();
    b.tick(Duration.ofMinutes(1));
    assertThat(runs).containsExactly(List.of("alice"));
    TaskResult done = b.result(id);
    assertThat(done.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(done.result()).isEqualTo("done [alice]");
    assertThat(done.startedAt()).isEqualTo(ManualScheduler.START.plus(Duration.ofHours(1)));
  }

  @Test
  void aDelayedTaskThatFellDueWhileStoppedRunsAtStart() {
    SqliteTaskStore first = files.fresh();
    ManualScheduler a = new ManualScheduler(first);
    a.scheduler().schedule(email(RetryPolicy.none()));
    a.scheduler().start();
    String id = a.scheduler().submit("email", List.of("bob"), Duration.ofMinutes(5));
    Path image = files.crashImage(first);

    ManualScheduler b = files.restart(image, Duration.ofMinutes(30), email(RetryPolicy.none()));

    assertThat(runs).containsExactly(List.of("bob"));
    assertThat(b.result(id).state()).isEqualTo(TaskState.COMPLETED);
    assertThat(b.events(TaskEvent.Type.STARTED).get(0).latenessMs())
        .isEqualTo(Duration.ofMinutes(25).toMillis());
  }

  @Test
  void aWaitingRetryRunsAtItsPlannedTime() {
    RetryPolicy retry =
        RetryPolicy.builder()
            .maxRetries(3)
            .backoff(Duration.ofMinutes(10))
            .maxDelay(Duration.ofHours(1))
            .build();
    SqliteTaskStore first = files.fresh();
    ManualScheduler a = new ManualScheduler(first);
    a.scheduler().schedule(email(retry));
    a.scheduler().start();
    failuresLeft.set(1);
    String id = a.scheduler().submit("email", List.of("carol"), Duration.ZERO);
    assertThat(a.result(id).state()).isEqualTo(TaskState.RETRYING);
    Path image = files.crashImage(first);

    ManualScheduler b = files.restart(image, Duration.ofMinutes(2), email(retry));

    assertThat(b.result(id).state()).isEqualTo(TaskState.RETRYING);
    b.tick(Duration.ofMinutes(7));
    assertThat(runs).hasSize(1);
    b.tick(Duration.ofMinutes(1));
    assertThat(runs).hasSize(2);
    TaskResult done = b.result(id);
    assertThat(done.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(done.startedAt()).isEqualTo(ManualScheduler.START.plus(Duration.ofMinutes(10)));
  }

  @Test
  void aRetryWhoseTimePassedWhileStoppedRunsAtStart() {
    RetryPolicy retry = RetryPolicy.builder().maxRetries(1).build();
    SqliteTaskStore first = files.fresh();
    ManualScheduler a = new ManualScheduler(first);
    a.scheduler().schedule(email(retry));
    a.scheduler().start();
    failuresLeft.set(1);
    String id = a.scheduler().submit("email", List.of(), Duration.ZERO);
    Path image = files.crashImage(first);

    ManualScheduler b = files.restart(image, Duration.ofHours(1), email(retry));
    b.runDue();

    assertThat(b.result(id).state()).isEqualTo(TaskState.COMPLETED);
    assertThat(b.result(id).attempts()).isEqualTo(2);
  }

  @Test
  void anAttemptRunningAtTheCrashIsAFailedAttemptAndIsRetried() {
    RetryPolicy retry = RetryPolicy.builder().maxRetries(1).backoff(Duration.ofSeconds(5)).build();
    SqliteTaskStore first = files.fresh();
    ManualScheduler a = new ManualScheduler(first);
    Path[] image = new Path[1];
    a.scheduler()
        .schedule(
            JobDefinition.builder(
                    "email",
                    JobSchedule.onDemand(),
                    ctx -> {
                      image[0] = files.crashImage(first);
                      return null;
                    })
                .retry(retry)
                .build());
    a.scheduler().start();
    String id = a.scheduler().submit("email", List.of("dave"), Duration.ZERO);

    ManualScheduler b = files.restart(image[0], Duration.ofMinutes(1), email(retry));

    TaskResult interrupted = b.result(id);
    assertThat(interrupted.state()).isEqualTo(TaskState.RETRYING);
    assertThat(interrupted.error().type()).isEqualTo(DaemonStoppedException.class.getName());
    assertThat(interrupted.error().message())
        .startsWith("the daemon stopped while attempt 1 was running (started ");
    assertThat(b.events(TaskEvent.Type.ERROR)).singleElement().matches(TaskEvent::willRetry);
    b.tick(Duration.ofSeconds(5));
    assertThat(runs).containsExactly(List.of("dave"));
    assertThat(b.result(id).state()).isEqualTo(TaskState.COMPLETED);
    assertThat(b.result(id).attempts()).isEqualTo(2);
  }

  @Test
  void anAttemptRunningAtTheCrashFailsTheTaskWhenItsPolicyAllowsNoRetry() {
    SqliteTaskStore first = files.fresh();
    ManualScheduler a = new ManualScheduler(first);
    Path[] image = new Path[1];
    a.scheduler()
        .schedule(
            JobDefinition.builder(
                    "email",
                    JobSchedule.onDemand(),
                    ctx -> {
                      image[0] = files.crashImage(first);
                      return null;
                    })
                .build());
    a.scheduler().start();
    String id = a.scheduler().submit("email", List.of(), Duration.ZERO);

    ManualScheduler b = files.restart(image[0], Duration.ofMinutes(1), email(RetryPolicy.none()));

    assertThat(b.result(id).state()).isEqualTo(TaskState.FAILED);
    assertThat(b.events(TaskEvent.Type.FAILED)).hasSize(1);
    assertThat(runs).isEmpty();
    assertThat(b.scheduler().getMetrics()).containsEntry("total_failed", 1L);
  }

  @Test
  void unfinishedTasksOfAJobThatIsGoneAreCancelledWithAClearError() {
    SqliteTaskStore first = files.fresh();
    ManualScheduler a = new ManualScheduler(first);
    a.scheduler().schedule(email(RetryPolicy.none()));
    a.scheduler().start();
    String id = a.scheduler().submit("email", List.of(), Duration.ofHours(1));
    Path image = files.crashImage(first);

    ManualScheduler b = files.restart(image, Duration.ofMinutes(1));

    TaskResult gone = b.result(id);
    assertThat(gone.state()).isEqualTo(TaskState.CANCELLED);
    assertThat(gone.error().type()).isEqualTo("job-removed");
    assertThat(gone.error().message()).contains("job email is no longer configured");
    assertThat(b.events(TaskEvent.Type.CANCELLED))
        .extracting(TaskEvent::taskId)
        .containsExactly(id);
    b.tick(Duration.ofHours(2));
    assertThat(runs).isEmpty();
  }

  @Test
  void afterACleanStopIdsContinueWithoutAGapAndResultsStayQueryable() throws Exception {
    SqliteTaskStore first = files.fresh();
    ManualScheduler a = new ManualScheduler(first);
    a.scheduler().schedule(email(RetryPolicy.none()));
    a.scheduler().start();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(a.scheduler().submit("email", List.of("n" + i), Duration.ZERO));
    }
    a.scheduler().shutdown(Duration.ZERO);
    first.close();

    ManualScheduler b = files.restart(files.file(), Duration.ofDays(1), email(RetryPolicy.none()));

    assertThat(b.result(ids.get(0)).result()).isEqualTo("done [n0]");
    assertThat(runs).hasSize(3);
    assertThat(b.scheduler().submit("email", List.of(), Duration.ZERO)).isEqualTo("sched-4");
    assertThat(runs).hasSize(4);
  }

  @Test
  void afterACrashIdsAreNeverReusedAndCompletedTasksDoNotRunAgain() {
    SqliteTaskStore first = files.fresh();
    ManualScheduler a = new ManualScheduler(first);
    a.scheduler().schedule(email(RetryPolicy.none()));
    a.scheduler().start();
    String done = a.scheduler().submit("email", List.of("once"), Duration.ZERO);
    Path image = files.crashImage(first);

    ManualScheduler b = files.restart(image, Duration.ofMinutes(1), email(RetryPolicy.none()));
    b.tick(Duration.ofHours(1));

    assertThat(runs).containsExactly(List.of("once"));
    assertThat(b.result(done).state()).isEqualTo(TaskState.COMPLETED);
    String next = b.scheduler().submit("email", List.of(), Duration.ZERO);
    assertThat(TaskIds.parse(next)).isGreaterThan(TaskIds.parse(done));
  }

  @Test
  void countersBehindTheMetricsSurviveARestart() throws Exception {
    SqliteTaskStore first = files.fresh();
    ManualScheduler a = new ManualScheduler(first);
    a.scheduler().schedule(email(RetryPolicy.none()));
    a.scheduler().start();
    a.scheduler().submit("email", List.of(), Duration.ZERO);
    failuresLeft.set(1);
    a.scheduler().submit("email", List.of(), Duration.ZERO);
    a.scheduler().submit("email", List.of(), Duration.ZERO);
    a.scheduler().shutdown(Duration.ZERO);
    first.close();

    ManualScheduler b = files.restart(files.file(), Duration.ofHours(1), email(RetryPolicy.none()));

    assertThat(b.scheduler().getMetrics())
        .containsEntry("total_submitted", 3L)
        .containsEntry("total_completed", 2L)
        .containsEntry("total_failed", 1L);
    assertThat(b.scheduler().metrics("email").topErrors())
        .containsExactly(new MetricsSnapshot.ErrorCount(IllegalStateException.class.getName(), 1));
  }
}
