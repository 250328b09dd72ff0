package dev.hypernd.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskState;
import dev.hypernd.engine.store.JobState;
import dev.hypernd.engine.store.StoreException;
import dev.hypernd.engine.store.TaskQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the state file cannot be written, the store keeps serving from memory, keeps the changes
 * (within a bound) and writes them once it can again.
 */
class SqliteWriteFailureTest {
  static final Instant T0 = Instant.parse("2026-02-01T12:00:00Z");
  @TempDir Path dir;

  static TaskResult task(long n, TaskState state) {
    return new TaskResult(
        "sched-" + n,
        "job",
        state,
        null,
        null,
        state == TaskState.PENDING ? 0 : 1,
        0,
        T0,
        null,
        state.isFinished() ? T0 : null,
        null,
        List.of());
  }

  private SqliteTaskStore openFailing(Path file, FailingSink[] sink, int maxPending) {
    StoreOptions options =
        StoreOptions.DEFAULTS
            .withRetry(5, 20)
            .withMaxPendingTasks(maxPending)
            .withSinkDecorator(
                real -> {
                  sink[0] = new FailingSink(real);
                  return sink[0];
                });
    return SqliteTaskStore.open(file, options);
  }

  @Test
  void whileWritesFailTheStoreServesFromMemoryAndWritesEverythingOnceItCan() {
    Path file = dir.resolve("state.db");
    FailingSink[] sink = new FailingSink[1];
    long lastId;
    try (SqliteTaskStore store = openFailing(file, sink, 1_000)) {
      store.save(task(1, TaskState.COMPLETED));
      store.flush();

      sink[0].failing = true;
      store.save(task(2, TaskState.PENDING));
      store.saveJobState(new JobState("job", T0, T0.plusSeconds(60), false));
      assertThatThrownBy(store::flush)
          .isInstanceOf(StoreException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("changes are not durable")
          .hasMessageContaining("database or disk is full");
      store.save(task(2, TaskState.RUNNING));
      assertThat(store.find("sched-2").orElseThrow().state()).isEqualTo(TaskState.RUNNING);
      assertThat(store.unfinished()).extracting(TaskResult::taskId).containsExactly("sched-2");
      assertThat(store.jobState("job")).isPresent();
      for (int i = 0; i < 2_500; i++) {
        store.nextTaskNumber();
      }
      lastId = store.nextTaskNumber();
      assertThat(sink[0].failures.get()).isGreaterThanOrEqualTo(1);

      sink[0].failing = false;
      store.flush();
    }
    try (SqliteTaskStore reopened = SqliteTaskStore.open(file)) {
      assertThat(reopened.find("sched-2").orElseThrow().state()).isEqualTo(TaskState.RUNNING);
      assertThat(reopened.jobState("job")).isPresent();
      assertThat(reopened.nextTaskNumber()).isEqualTo(lastId + 1);
    }
  }

  @Test
  void memoryStaysBoundedByDroppingTheOldestFinishedResultsNeverUnfinishedTasks() {
    Path file = dir.resolve("state.db");
    FailingSink[] sink = new FailingSink[1];
    try (SqliteTaskStore store = openFailing(file, sink, 5)) {
      sink[0].failing = true;
      store.save(task(1, TaskState.PENDING));
      for (int i = 2; i <= 9; i++) {
        store.save(task(i, TaskState.COMPLETED));
      }
      store.save(task(10, TaskState.RETRYING));
      assertThatThrownBy(store::flush).isInstanceOf(StoreException.class);
      sink[0].failing = false;
      store.flush();
    }
    try (SqliteTaskStore reopened = SqliteTaskStore.open(file)) {
      Set<String> kept = new HashSet<>();
      reopened.list(TaskQuery.all(100)).forEach(t -> kept.add(t.taskId()));
      assertThat(kept).contains("sched-1", "sched-10", "sched-9").doesNotContain("sched-2");
      assertThat(kept).hasSizeLessThanOrEqualTo(5);
    }
  }

  /**
   * The real thing: the WAL file made immutable ({@code chattr +i}, which stops root too), so
   * SQLite's own write fails. Skipped where chattr does not work (tmpfs, no e2fsprogs).
   */
  @Tag("system")
  @Test
  void anImmutableWalFileIsSurvivedAndWritesResumeWhenItIsWritableAgain() throws Exception {
    Path file = dir.resolve("state.db");
    Path wal = dir.resolve("state.db-wal");
    SqliteTaskStore store = SqliteTaskStore.open(file, StoreOptions.DEFAULTS.withRetry(5, 20));
    try {
      store.save(task(1, TaskState.COMPLETED));
      store.flush();
      assumeTrue(Files.exists(wal) && chattr("+i", wal), "chattr +i works here");
      try {
        store.save(task(2, TaskState.PENDING));
        assertThatThrownBy(store::flush)
            .isInstanceOf(StoreException.class)
            .hasMessageContaining("changes are not durable");
        assertThat(store.find("sched-2")).isPresent();
      } finally {
        chattr("-i", wal);
      }
      store.flush();
    } finally {
      store.close();
    }
    try (SqliteTaskStore reopened = SqliteTaskStore.open(file)) {
      assertThat(reopened.find("sched-2")).isPresent();
    }
  }

  private static boolean chattr(String flag, Path file) throws IOException, InterruptedException {
    try {
      Process p =
          new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
