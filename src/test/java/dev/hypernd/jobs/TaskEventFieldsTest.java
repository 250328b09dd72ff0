package dev.hypernd.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.TaskError;
import dev.hypernd.engine.TaskEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskEventFieldsTest {

  @Test
  void startedCarriesDueStartAndLateness() {
    Map<String, Object> fields =
        TaskEventFields.of(TaskEvents.of(TaskEvent.Type.STARTED, "j", 1), 100);

    assertThat(fields)
        .containsExactly(
            Map.entry("event", "task.started"),
            Map.entry("job", "j"),
            Map.entry("task_id", "sched-9"),
            Map.entry("attempt", 1),
            Map.entry("scheduled_at", "2026-03-29T01:00:00Z"),
            Map.entry("started_at", "2026-03-29T01:00:00.250Z"),
            Map.entry("lateness_ms", 250.0),
            Map.entry("args", List.of("alice")));
  }

  @Test
  void anErrorSaysWhetherAndWhenItIsRetried() {
    Map<String, Object> fields =
        TaskEventFields.of(TaskEvents.of(TaskEvent.Type.ERROR, "j", 2), 100);

    assertThat(fields)
        .containsEntry("duration_ms", 2000L)
        .containsEntry("error", "exit status 3")
        .containsEntry("error_type", "dev.hypernd.jobs.shell.ShellExitException")
        .containsEntry("will_retry", true)
        .containsEntry("retry_in_ms", 4000L);
    assertThat(TaskEventFields.level(TaskEvents.of(TaskEvent.Type.ERROR, "j", 2)))
        .isEqualTo("WARN");
    assertThat(TaskEventFields.level(TaskEvents.of(TaskEvent.Type.FAILED, "j", 2)))
        .isEqualTo("ERROR");
  }

  @Test
  void aJavaJobsErrorCarriesItsStackTraceAndTheFailureThatFollowsDoesNotRepeatIt() {
    TaskError traced =
        new TaskError(
            "java.lang.IllegalStateException", "boom", "java.lang.Ill…\n\tat a.B.c(B.java:1)");
    TaskEvent error = withError(TaskEvents.of(TaskEvent.Type.ERROR, "j", 1), traced);
    TaskEvent failed = withError(TaskEvents.of(TaskEvent.Type.FAILED, "j", 1), traced);

    assertThat(TaskEventFields.of(error, 100))
        .containsEntry("stack_trace", "java.lang.Ill…\n\tat a.B.c(B.java:1)");
    assertThat(TaskEventFields.of(failed, 100)).doesNotContainKey("stack_trace");
    assertThat(TaskEventFields.of(TaskEvents.of(TaskEvent.Type.ERROR, "j", 1), 100))
        .doesNotContainKey("stack_trace");
  }

  private static TaskEvent withError(TaskEvent e, TaskError error) {
    return new TaskEvent(
        e.type(),
        e.at(),
        e.job(),
        e.taskId(),
        e.attempt(),
        e.scheduledAt(),
        e.startedAt(),
        e.latenessMs(),
        e.durationMs(),
        error,
        e.willRetry(),
        e.retryInMs(),
        e.result(),
        e.args());
  }

  @Test
  void aSkippedFireWithoutTaskLeavesOutWhatItDoesNotHave() {
    TaskEvent skipped =
        new TaskEvent(
            TaskEvent.Type.SKIPPED,
            TaskEvents.STARTED,
            "j",
            null,
            0,
            TaskEvents.DUE,
            null,
            0,
            0,
            new TaskError("overlap", "skipped: sched-1 is still RUNNING"),
            false,
            0,
            null,
            List.of());

    assertThat(TaskEventFields.of(skipped, 100))
        .containsExactly(
            Map.entry("event", "task.skipped"),
            Map.entry("job", "j"),
            Map.entry("attempt", 0),
            Map.entry("scheduled_at", "2026-03-29T01:00:00Z"),
            Map.entry("error", "skipped: sched-1 is still RUNNING"),
            Map.entry("error_type", "overlap"));
  }

  @Test
  void longResultsKeepTheirStartAndEnd() {
    assertThat(TaskEventFields.abbreviate("a".repeat(10) + "b".repeat(100) + "c".repeat(10), 20))
        .isEqualTo("aaaaaaaaaa…[100 chars omitted]…cccccccccc");
    assertThat(TaskEventFields.abbreviate("short", 20)).isEqualTo("short");
    assertThat(TaskEventFields.abbreviate("x😀" + "y".repeat(50) + "😀z", 4))
        .as("no half of a surrogate pair is kept")
        .isEqualTo("x…[54 chars omitted]…z");
  }
}
