package dev.hypernd.store.sqlite;

import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The process {@link SqliteCrashTest} kills with SIGKILL: it hands out task ids and saves tasks as
 * fast as it can, printing {@code id N} once id N is handed out and {@code durable N} once every
 * task up to N is flushed. It never stops by itself.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) {
    SqliteTaskStore store = SqliteTaskStore.open(Path.of(args[0]));
    Instant t0 = Instant.now();
    for (long n = 1; ; n++) {
      long id = store.nextTaskNumber();
      System.out.println("id " + id);
      String taskId = "sched-" + id;
      store.save(
          new TaskResult(
              taskId,
              "job",
              TaskState.PENDING,
              null,
              null,
              0,
              0,
              t0,
              null,
              null,
              null,
              List.of("arg " + id)));
      store.save(
          new TaskResult(
              taskId,
              "job",
              TaskState.COMPLETED,
              "ok " + id,
              null,
              1,
              0,
              t0,
              t0,
              t0,
              null,
              List.of("arg " + id)));
      if (n % 50 == 0) {
        store.flush();
        System.out.println("durable " + id);
      }
    }
  }
}
