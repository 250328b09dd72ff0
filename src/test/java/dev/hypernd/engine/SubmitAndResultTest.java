package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypernd.testing.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference implementation's submit defects, each as a regression test. */
class SubmitAndResultTest {
  private final ManualScheduler m = new ManualScheduler();

  @Test
  void returnedIdIsTheIdWhoseResultCompletes() {
    TaskSubmitter job = m.scheduler().task("greet", ctx -> "hello " + ctx.arg(0));
    m.scheduler().start();

    String id = job.submit("world");

    assertThat(id).isEqualTo("sched-1");
    TaskResult result = m.result(id);
    assertThat(result.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(result.result()).isEqualTo("hello world");
    assertThat(result.taskId()).isEqualTo(id);
    assertThat(result.taskName()).isEqualTo("greet");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.args()).containsExactly("world");
    assertThat(result.finishedAt()).isNotNull();
  }

  @Test
  void returnedIdIsTheIdWhoseResultFails() {
    TaskSubmitter job =
        m.scheduler()
            .task(
                "broken",
                ctx -> {
                  throw new IllegalStateException("no database");
                });
    m.scheduler().start();

    String id = job.submit();

    TaskResult result = m.result(id);
    assertThat(result.state()).isEqualTo(TaskState.FAILED);
    assertThat(result.error().type()).isEqualTo("java.lang.IllegalStateException");
    assertThat(result.error().message()).isEqualTo("no database");
  }

  @Test
  void positionalArgumentsReachTheBodyInOrder() {
    List<Object> seen = new ArrayList<>();
    TaskSubmitter job =
        m.scheduler()
            .task(
                "sum",
                ctx -> {
                  seen.addAll(ctx.args());
                  return (Integer) ctx.arg(0) + (Integer) ctx.arg(1);
                });
    m.scheduler().start();

    String id = job.submit(2, 40);

    assertThat(seen).containsExactly(2, 40);
    assertThat(m.result(id).result()).isEqualTo(42);
  }

  @Test
  void missingArgumentIsAClearError() {
    TaskSubmitter job = m.scheduler().task("needs-arg", ctx -> ctx.arg(0));
    m.scheduler().start();

    TaskResult result = m.result(job.submit());

    assertThat(result.state()).isEqualTo(TaskState.FAILED);
    assertThat(result.error().message()).contains("has 0 argument(s), no argument #0");
  }

  @Test
  void idsIncreaseAndAreNeverReused() {
    TaskSubmitter job = m.scheduler().task("noop", ctx -> null);
    m.scheduler().start();
    assertThat(List.of(job.submit(), job.submit(), job.submit()))
        .containsExactly("sched-1", "sched-2", "sched-3");
  }

  @Test
  void delayedSubmissionStaysPendingUntilDue() {
    TaskSubmitter job = m.scheduler().task("later", ctx -> "ran");
    m.scheduler().start();

    String id = job.submitAfter(Duration.ofMinutes(5));

    TaskResult pending = m.result(id);
    assertThat(pending.state()).isEqualTo(TaskState.PENDING);
    assertThat(pending.nextAttemptAt()).isEqualTo(ManualScheduler.START.plusSeconds(300));
    m.tick(Duration.ofMinutes(4).plusSeconds(59));
    assertThat(m.result(id).state()).isEqualTo(TaskState.PENDING);
    m.tick(Duration.ofSeconds(1));
    assertThat(m.result(id).state()).isEqualTo(TaskState.COMPLETED);
    assertThat(m.result(id).startedAt()).isEqualTo(ManualScheduler.START.plusSeconds(300));
  }

  @Test
  void submissionsBeforeStartRunAtStart() {
    TaskSubmitter job = m.scheduler().task("early", ctx -> "ok");
    String id = job.submit();
    assertThat(m.result(id).state()).isEqualTo(TaskState.PENDING);

    m.scheduler().start();

    assertThat(m.result(id).state()).isEqualTo(TaskState.COMPLETED);
  }

  @Test
  void unknownJobAndNullArgumentAreRejected() {
    m.scheduler().start();
    assertThatThrownBy(() -> m.scheduler().submit("nope", List.of(), Duration.ZERO))
        .isInstanceOf(NoSuchJobException.class)
        .hasMessage("no job named nope");
    TaskSubmitter job = m.scheduler().task("x", ctx -> null);
    assertThatThrownBy(() -> job.submit("a", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("argument #1 is null");
  }

  @Test
  void unknownTaskHasNoResult() {
    assertThat(m.scheduler().getResult("sched-99")).isEmpty();
    assertThat(m.scheduler().getResult("garbage")).isEmpty();
  }

  @Test
  void duplicateJobNamesAreRejected() {
    m.scheduler().task("same", ctx -> null);
    assertThatThrownBy(() -> m.scheduler().task("same", ctx -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a job named same is already scheduled");
  }

  @Test
  void badJobNamesAreRejected() {
    assertThatThrownBy(() -> m.scheduler().task("has space", ctx -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job name (has space)");
  }
}
