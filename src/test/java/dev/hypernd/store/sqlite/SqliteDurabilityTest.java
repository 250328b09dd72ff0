package dev.hypernd.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskState;
import dev.hypernd.engine.store.JobCounters;
import dev.hypernd.engine.store.JobState;
import dev.hypernd.engine.store.TaskQuery;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDurabilityTest {
  static final Instant T0 = Instant.parse("2026-02-01T12:00:00Z");
  @TempDir Path dir;

  static TaskResult task(long n, TaskState state) {
    return new TaskResult(
        "sched-" + n,
        "job",
        state,
        state == TaskState.COMPLETED ? Map.of("n", (int) n) : null,
        null,
        1,
        3,
        T0,
        T0,
        state.isFinished() ? T0.plusSeconds(1) : null,
        null,
        List.of("a", "n" + n));
  }

  @Test
  void everythingComesBackAfterACleanCloseAndIdsContinueWithoutAGap() {
    Path file = dir.resolve("state.db");
    JobState state = new JobState("job", T0, T0.plusSeconds(60), true);
    JobCounters counters = new JobCounters("job", 3, 2, 1, 0, 0, 0, Map.of("boom", 1L));
    try (SqliteTaskStore store = SqliteTaskStore.open(file)) {
      for (int i = 0; i < 3; i++) {
        store.nextTaskNumber();
      }
      store.save(task(1, TaskState.COMPLETED));
      store.save(task(2, TaskState.RETRYING));
      store.saveJobState(state);
      store.saveCounters(counters);
      assertThat(store.claimFire("job", T0, "a")).isTrue();
    }
    try (SqliteTaskStore store = SqliteTaskStore.open(file)) {
      assertThat(store.find("sched-1")).contains(task(1, TaskState.COMPLETED));
      assertThat(store.unfinished()).containsExactly(task(2, TaskState.RETRYING));
      assertThat(store.jobState("job")).contains(state);
      assertThat(store.counters("job")).contains(counters);
      assertThat(store.claimFire("job", T0, "b")).isFalse();
      assertThat(store.claimFire("job", T0.plusSeconds(60), "b")).isTrue();
      assertThat(store.nextTaskNumber()).isEqualTo(4);
    }
  }

  /** Holds the writer inside its first batch until released; counts the batches. */
  static final class HeldSink implements BatchSink {
    final BatchSink real;
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger batches = new AtomicInteger();

    HeldSink(BatchSink real) {
      this.real = real;
    }

    @Override
    public void write(Batch batch) throws SQLException {
      batches.incrementAndGet();
      entered.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      real.write(batch);
    }
  }

  @Test
  void readsSeeChangesTheWriterHasNotCommittedAndSavesShareOneTransaction() throws Exception {
    HeldSink[] sink = new HeldSink[1];
    StoreOptions options =
        StoreOptions.DEFAULTS.withSinkDecorator(
            real -> {
              sink[0] = new HeldSink(real);
              return sink[0];
            });
    try (SqliteTaskStore store = SqliteTaskStore.open(dir.resolve("state.db"), options)) {
      store.save(task(1, TaskState.PENDING));
      assertThat(sink[0].entered.await(30, TimeUnit.SECONDS)).isTrue();
      // The writer is now inside a transaction with sched-1; everything below waits behind it.
      store.save(task(1, TaskState.COMPLETED));
      for (int i = 2; i <= 1_000; i++) {
        store.save(task(i, TaskState.PENDING));
      }
      store.saveJobState(new JobState("job", T0, null, false));
      store.saveCounters(new JobCounters(JobCounters.TOTAL, 1, 0, 0, 0, 0, 0, Map.of()));

      assertThat(store.find("sched-1").orElseThrow().state()).isEqualTo(TaskState.COMPLETED);
      assertThat(store.list(new TaskQuery(null, TaskState.COMPLETED, 10)))
          .extracting(TaskResult::taskId)
          .containsExactly("sched-1");
      assertThat(store.unfinished()).hasSize(999);
      assertThat(store.list(TaskQuery.all(2)))
          .extracting(TaskResult::taskId)
          .containsExactly("sched-1000", "sched-999");
      assertThat(store.jobState("job")).isPresent();
      assertThat(store.counters(JobCounters.TOTAL)).isPresent();

      sink[0].release.countDown();
      store.flush();
      assertThat(sink[0].batches.get()).isEqualTo(2);
      assertThat(store.find("sched-1").orElseThrow().state()).isEqualTo(TaskState.COMPLETED);
      assertThat(store.unfinished()).hasSize(999);
    }
  }

  @Test
  void resultsAndArgumentsAreKeptAsTheirJsonValue() {
    record Point(int x, int y) {}
    try (SqliteTaskStore store = SqliteTaskStore.open(dir.resolve("state.db"))) {
      store.save(
          new TaskResult(
              "sched-1",
              "job",
              TaskState.COMPLETED,
              new Point(1, 2),
              null,
              1,
              0,
              T0,
              T0,
              T0,
              null,
              List.of(42L, new Point(3, 4))));
      TaskResult before = store.find("sched-1").orElseThrow();
      store.flush();
      TaskResult after = store.find("sched-1").orElseThrow();
      assertThat(before).isEqualTo(after);
      assertThat(after.result()).isEqualTo(Map.of("x", 1, "y", 2));
      assertThat(after.args()).containsExactly(42, Map.of("x", 3, "y", 4));
    }
  }
}
