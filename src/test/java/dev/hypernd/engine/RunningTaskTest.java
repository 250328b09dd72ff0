package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.store.TaskQuery;
import dev.hypernd.testing.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A running task as {@code result}, {@code tasks} and {@code status} see it: its duration is how
 * long the running attempt has run so far, neither 0 nor the previous attempt's time.
 */
class RunningTaskTest {
  private final ManualScheduler m = new ManualScheduler();
  private final List<TaskResult> seen = new ArrayList<>();

  /** What the scheduler reports about {@code id} while its body runs. */
  private void look(String id) {
    seen.add(m.scheduler().getResult(id).orElseThrow());
    seen.add(m.scheduler().tasks(new TaskQuery(null, null, 10)).get(0));
  }

  @Test
  void aRunningAttemptShowsHowLongItHasRunSoFar() {
    m.scheduler()
        .schedule(
            JobDefinition.builder(
                    "slow",
                    JobSchedule.onDemand(),
                    ctx -> {
                      m.clock().advance(Duration.ofMillis(2500));
                      look(ctx.taskId());
                      return null;
                    })
                .build());
    m.scheduler().start();

    String id = m.scheduler().submit("slow", List.of(), Duration.ZERO);

    assertThat(seen)
        .allSatisfy(
            t -> {
              assertThat(t.state()).isEqualTo(TaskState.RUNNING);
              assertThat(t.durationMs()).isEqualTo(2500);
            });
    assertThat(m.result(id).durationMs()).isEqualTo(2500);
  }

  @Test
  void aSecondAttemptDoesNotShowTheFirstOnesTime() {
    m.scheduler()
        .schedule(
            JobDefinition.builder(
                    "flaky",
                    JobSchedule.onDemand(),
                    ctx -> {
                      if (ctx.attempt() == 1) {
                        m.clock().advance(Duration.ofSeconds(40));
                        throw new IllegalStateException("not yet");
                      }
                      m.clock().advance(Duration.ofSeconds(3));
                      look(ctx.taskId());
                      return "done";
                    })
                .retry(RetryPolicy.builder().maxRetries(1).backoff(Duration.ofSeconds(1)).build())
                .build());
    m.scheduler().start();

    String id = m.scheduler().submit("flaky", List.of(), Duration.ZERO);
    assertThat(m.result(id).state()).isEqualTo(TaskState.RETRYING);
    assertThat(m.result(id).durationMs()).as("the failed attempt's").isEqualTo(40_000);
    m.tick(Duration.ofSeconds(1));

    assertThat(seen).extracting(TaskResult::durationMs).containsOnly(3000L);
    assertThat(m.result(id).durationMs()).isEqualTo(3000);
  }
}
