package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.testing.ManualScheduler;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryBehaviourTest {
  private final ManualScheduler m = new ManualScheduler();

  private TaskSubmitter failing(String name, int failures, RetryPolicy policy, Exception error) {
    AtomicInteger calls = new AtomicInteger();
    return m.scheduler()
        .task(
            name,
            ctx -> {
              if (calls.incrementAndGet() <= failures) {
                throw error;
              }
              return "ok after " + (calls.get() - 1) + " failures";
            },
            policy);
  }

  @Test
  void maxRetriesThreeMakesFourAttemptsOneTwoFourSecondsApart() {
    TaskSubmitter job =
        failing("flaky", 99, RetryPolicy.builder().maxRetries(3).build(), new IOException("down"));
    m.scheduler().start();

    String id = job.submit();
    m.tick(Duration.ofMinutes(10));

    TaskResult result = m.result(id);
    assertThat(result.state()).isEqualTo(TaskState.FAILED);
    assertThat(result.attempts()).isEqualTo(4);
    List<Instant> starts = new ArrayList<>();
    m.events(TaskEvent.Type.STARTED).forEach(e -> starts.add(e.startedAt()));
    Instant t0 = ManualScheduler.START;
    assertThat(starts).containsExactly(t0, t0.plusSeconds(1), t0.plusSeconds(3), t0.plusSeconds(7));
    assertThat(m.scheduler().getMetrics())
        .containsEntry("total_retried", 3L)
        .containsEntry("total_failed", 1L)
        .containsEntry("total_submitted", 1L);
    List<TaskEvent> errors = m.events(TaskEvent.Type.ERROR);
    assertThat(errors).extracting(TaskEvent::willRetry).containsExactly(true, true, true, false);
    assertThat(errors).extracting(TaskEvent::retryInMs).containsExactly(1000L, 2000L, 4000L, 0L);
    assertThat(m.events(TaskEvent.Type.FAILED)).hasSize(1);
  }

  @Test
  void retryingTaskCompletesWhenALaterAttemptSucceeds() {
    TaskSubmitter job =
        failing("flaky", 2, RetryPolicy.builder().maxRetries(3).build(), new IOException("down"));
    m.scheduler().start();

    String id = job.submit();
    assertThat(m.result(id).state()).isEqualTo(TaskState.RETRYING);
    assertThat(m.result(id).nextAttemptAt()).isEqualTo(ManualScheduler.START.plusSeconds(1));
    m.tick(Duration.ofSeconds(3));

    TaskResult result = m.result(id);
    assertThat(result.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(result.result()).isEqualTo("ok after 2 failures");
    assertThat(m.scheduler().getMetrics()).containsEntry("total_retried", 2L);
  }

  @Test
  void errorNotInRetryOnFailsAtOnce() {
    RetryPolicy policy = RetryPolicy.builder().maxRetries(5).retryOn(IOException.class).build();
    TaskSubmitter job = failing("strict", 99, policy, new IllegalArgumentException("bad input"));
    m.scheduler().start();

    TaskResult result = m.result(job.submit());

    assertThat(result.state()).isEqualTo(TaskState.FAILED);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(m.scheduler().getMetrics()).containsEntry("total_retried", 0L);
  }

  @Test
  void subclassOfRetryOnIsRetried() {
    RetryPolicy policy = RetryPolicy.builder().maxRetries(1).retryOn(IOException.class).build();
    TaskSubmitter job = failing("files", 1, policy, new FileNotFoundException("gone"));
    m.scheduler().start();

    String id = job.submit();
    m.tick(Duration.ofSeconds(1));

    assertThat(m.result(id).state()).isEqualTo(TaskState.COMPLETED);
    assertThat(m.result(id).attempts()).isEqualTo(2);
  }

  @Test
  void delaysAreCappedByMaxDelay() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxRetries(4)
            .backoff(Duration.ofSeconds(10))
            .backoffFactor(10)
            .maxDelay(Duration.ofSeconds(30))
            .build();
    TaskSubmitter job = failing("capped", 99, policy, new IOException());
    m.scheduler().start();

    job.submit();
    m.tick(Duration.ofMinutes(5));

    assertThat(m.events(TaskEvent.Type.ERROR))
        .extracting(TaskEvent::retryInMs)
        .containsExactly(10_000L, 30_000L, 30_000L, 30_000L, 0L);
  }

  @Test
  void oneHourBackoffsRunByHandInMilliseconds() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxRetries(5)
            .backoff(Duration.ofHours(1))
            .maxDelay(Duration.ofHours(24))
            .build();
    TaskSubmitter job = failing("slow-backoff", 99, policy, new IOException());
    m.scheduler().start();

    String id = job.submit();
    m.tick(Duration.ofHours(31));

    TaskResult result = m.result(id);
    assertThat(result.state()).isEqualTo(TaskState.FAILED);
    assertThat(result.attempts()).isEqualTo(6);
    // 1 + 2 + 4 + 8 + 16 hours of backoff after the first attempt.
    assertThat(result.startedAt()).isEqualTo(ManualScheduler.START.plus(Duration.ofHours(31)));
  }

  @Test
  void oneJobsBackoffNeverDelaysAnotherJob() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxRetries(3)
            .backoff(Duration.ofHours(1))
            .maxDelay(Duration.ofHours(4))
            .build();
    TaskSubmitter slow = failing("backing-off", 99, policy, new IOException());
    AtomicInteger fastRuns = new AtomicInteger();
    m.scheduler().interval("fast", Duration.ofSeconds(10), ctx -> fastRuns.incrementAndGet());
    TaskSubmitter other = m.scheduler().task("other", ctx -> "done");
    m.scheduler().start();

    String slowId = slow.submit();
    assertThat(m.result(slowId).state()).isEqualTo(TaskState.RETRYING);
    String otherId = other.submit();
    assertThat(m.result(otherId).state()).isEqualTo(TaskState.COMPLETED);
    m.tick(Duration.ofMinutes(30));

    assertThat(fastRuns.get()).isEqualTo(180);
    assertThat(m.result(slowId).state()).isEqualTo(TaskState.RETRYING);
  }

  @Test
  void everyFailedAttemptReachesOnErrorWithItsAttemptNumber() {
    List<String> seen = new ArrayList<>();
    m.scheduler()
        .monitor()
        .onError((name, error, attempt) -> seen.add(name + "#" + attempt + ":" + error.message()));
    TaskSubmitter job =
        failing("noisy", 99, RetryPolicy.builder().maxRetries(2).build(), new IOException("e"));
    m.scheduler().start();

    job.submit();
    m.tick(Duration.ofSeconds(10));

    assertThat(seen).containsExactly("noisy#1:e", "noisy#2:e", "noisy#3:e");
  }
}
