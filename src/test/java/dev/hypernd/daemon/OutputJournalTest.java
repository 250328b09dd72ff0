package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.control.OutputLineView;
import dev.hypernd.engine.TaskEvent;
import dev.hypernd.jobs.OutputEvent;
import dev.hypernd.jobs.shell.StdStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the daemon holds of tasks' output for hypernctl logs, and how it feeds followers. */
class OutputJournalTest {
  private static final Instant AT = Instant.parse("2026-03-29T01:00:00Z");

  private final OutputJournal journal = new OutputJournal();

  private static OutputEvent line(String taskId, String job, String text) {
    return new OutputEvent(
        OutputEvent.Source.TASK,
        AT,
        job,
        taskId,
        1,
        Optional.empty(),
        StdStream.STDOUT,
        Optional.of(text),
        0,
        0);
  }

  private static TaskEvent event(TaskEvent.Type type, String taskId, String job) {
    return new TaskEvent(type, AT, job, taskId, 1, AT, AT, 0, 0, null, false, 0, null, List.of());
  }

  private static List<String> texts(List<OutputLineView> lines) {
    return lines.stream()
        .map(l -> l.line() != null ? l.line() : "[" + l.omitted() + " omitted]")
        .toList();
  }

  @Test
  void aTaskThatStartedIsHeldEvenBeforeItPrintsAndAnUnknownOneIsNot() {
    journal.onEvent(event(TaskEvent.Type.STARTED, "sched-1", "quiet"));

    assertThat(journal.task("sched-1")).hasValue(List.of());
    assertThat(journal.task("sched-2")).isEmpty();
  }

  @Test
  void aLongOutputKeepsItsFirstAndLastLinesWithACountOfTheRest() {
    int total = OutputJournal.HEAD_LINES + OutputJournal.TAIL_LINES + 250;
    for (int i = 1; i <= total; i++) {
      journal.onOutput(line("sched-1", "chatty", "line " + i));
    }

    List<String> held = texts(journal.task("sched-1").orElseThrow());
    assertThat(held).hasSize(OutputJournal.HEAD_LINES + 1 + OutputJournal.TAIL_LINES);
    assertThat(held.get(0)).isEqualTo("line 1");
    assertThat(held.get(OutputJournal.HEAD_LINES - 1)).isEqualTo("line 100");
    assertThat(held.get(OutputJournal.HEAD_LINES)).isEqualTo("[250 omitted]");
    assertThat(held.get(OutputJournal.HEAD_LINES + 1)).isEqualTo("line 351");
    assertThat(held).last().isEqualTo("line " + total);
  }

  @Test
  void theTasksThatStartedFirstLeaveFirstBeyondTheTaskLimit() {
    for (int i = 1; i <= OutputJournal.MAX_TASKS + 2; i++) {
      journal.onOutput(line("sched-" + i, "tick", "tick " + i));
    }

    assertThat(journal.task("sched-1")).isEmpty();
    assertThat(journal.task("sched-2")).isEmpty();
    assertThat(journal.task("sched-3")).isPresent();
    assertThat(journal.task("sched-" + (OutputJournal.MAX_TASKS + 2))).isPresent();
  }

  @Test
  void theTasksThatStartedFirstLeaveFirstBeyondTheCharacterLimit() {
    String kilobytes = "x".repeat(4000);
    int perTask = OutputJournal.HEAD_LINES + OutputJournal.TAIL_LINES;
    long tasksThatFit = OutputJournal.MAX_CHARS / ((long) perTask * kilobytes.length());
    for (int task = 1; task <= tasksThatFit + 2; task++) {
      for (int i = 0; i < perTask; i++) {
        journal.onOutput(line("sched-" + task, "big", kilobytes));
      }
    }

    assertThat(journal.task("sched-1")).isEmpty();
    assertThat(journal.task("sched-" + (tasksThatFit + 2))).isPresent();
    assertThat(journal.job("big", 100_000).size() * (long) kilobytes.length())
        .isLessThanOrEqualTo(OutputJournal.MAX_CHARS);
  }

  @Test
  void aJobsLinesAreTheNewestOfItsTasksOldestFirst() {
    journal.onOutput(line("sched-1", "a", "1"));
    journal.onOutput(line("sched-2", "b", "other job"));
    journal.onOutput(line("sched-3", "a", "2"));
    journal.onOutput(line("sched-3", "a", "3"));

    assertThat(texts(journal.job("a", 2))).containsExactly("2", "3");
    assertThat(texts(journal.job("a", 10))).containsExactly("1", "2", "3");
  }

  @Test
  void followingATaskGivesItsHeldLinesThenItsNewOnesUntilStopped() {
    List<OutputLineView> seen = new ArrayList<>();
    journal.onOutput(line("sched-1", "a", "before"));

    Runnable stop = journal.followTask("sched-1", seen::add);
    journal.onOutput(line("sched-1", "a", "after"));
    journal.onOutput(line("sched-2", "a", "another task"));
    stop.run();
    journal.onOutput(line("sched-1", "a", "too late"));

    assertThat(texts(seen)).containsExactly("before", "after");
    assertThat(journal.followers()).isZero();
  }

  @Test
  void followingAJobStartsWithItsRunningTasksLinesThenEveryNewLineOfItsTasks() {
    List<OutputLineView> seen = new ArrayList<>();
    journal.onEvent(event(TaskEvent.Type.STARTED, "sched-1", "a"));
    journal.onOutput(line("sched-1", "a", "finished task"));
    journal.onEvent(event(TaskEvent.Type.COMPLETED, "sched-1", "a"));
    journal.onEvent(event(TaskEvent.Type.STARTED, "sched-2", "a"));
    journal.onOutput(line("sched-2", "a", "running task"));
    journal.onEvent(event(TaskEvent.Type.STARTED, "sched-3", "b"));
    journal.onOutput(line("sched-3", "b", "other job"));

    Runnable stop = journal.followJob("a", seen::add);
    journal.onOutput(line("sched-2", "a", "running task, later"));
    journal.onOutput(line("sched-4", "a", "next task"));
    journal.onOutput(line("sched-3", "b", "other job, later"));
    stop.run();

    assertThat(texts(seen)).containsExactly("running task", "running task, later", "next task");
  }

  @Test
  void hookLinesAndCountsAreHeldAsTheLogHasThem() {
    journal.onOutput(
        new OutputEvent(
            OutputEvent.Source.HOOK,
            AT,
            "a",
            "sched-1",
            2,
            Optional.of("on_failure"),
            StdStream.STDERR,
            Optional.of("paged"),
            0,
            0));
    journal.onOutput(
        new OutputEvent(
            OutputEvent.Source.TASK,
            AT,
            "a",
            "sched-1",
            2,
            Optional.empty(),
            StdStream.STDOUT,
            Optional.empty(),
            0,
            1234));

    List<OutputLineView> held = journal.task("sched-1").orElseThrow();
    assertThat(held.get(0).toData())
        .containsEntry("hook", "on_failure")
        .containsEntry("stream", "stderr")
        .containsEntry("attempt", 2)
        .containsEntry("line", "paged");
    assertThat(held.get(1).toData()).containsEntry("suppressed", 1234L).doesNotContainKey("line");
  }
}
