package dev.hypernd.jobs;

import dev.hypernd.engine.TaskError;
import dev.hypernd.engine.TaskEvent;
import java.time.Instant;
import java.util.List;

/** Task events as the engine would publish them, for tests of listeners. */
final class TaskEvents {
  static final Instant DUE = Instant.parse("2026-03-29T01:00:00Z");
  static final Instant STARTED = Instant.parse("2026-03-29T01:00:00.250Z");

  private TaskEvents() {}

  static TaskEvent of(TaskEvent.Type type, String job, int attempt) {
    boolean failed = type == TaskEvent.Type.ERROR || type == TaskEvent.Type.FAILED;
    return new TaskEvent(
        type,
        STARTED.plusSeconds(2),
        job,
        "sched-9",
        attempt,
        DUE,
        STARTED,
        250.0,
        2000,
        failed ? new TaskError("dev.hypernd.jobs.shell.ShellExitException", "exit status 3") : null,
        type == TaskEvent.Type.ERROR,
        type == TaskEvent.Type.ERROR ? 4000 : 0,
        type == TaskEvent.Type.COMPLETED ? "done\n" : null,
        List.of("alice"));
  }
}
