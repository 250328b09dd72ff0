package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.store.sqlite.SqliteTaskStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's way: real threads, shutdown, close, reopen; waits on events, never sleeps. */
class RealTimeRestartTest {

  @Test
  void aStoppedDaemonsWorkIsThereAfterAStartOnTheSameFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("state.db");
    String done;
    String later;
    SqliteTaskStore store = SqliteTaskStore.open(file);
    TaskScheduler first = TaskScheduler.builder().store(store).periodicClassLoader(null).build();
    CountDownLatch ran = new CountDownLatch(1);
    first.task(
        "job",
        ctx -> {
          ran.countDown();
          return "ok " + ctx.arg(0);
        });
    first.start();
    try {
      done = first.submit("job", List.of("now"), Duration.ZERO);
      later = first.submit("job", List.of("later"), Duration.ofHours(1));
      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      first.shutdown(Duration.ofSeconds(10));
      store.close();
    }

    try (SqliteTaskStore again = SqliteTaskStore.open(file)) {
      TaskScheduler second = TaskScheduler.builder().store(again).periodicClassLoader(null).build();
      second.task("job", ctx -> "ok");
      second.start();
      try {
        TaskResult before = second.getResult(done).orElseThrow();
        assertThat(before.state()).isEqualTo(TaskState.COMPLETED);
        assertThat(before.result()).isEqualTo("ok now");
        assertThat(second.getResult(later).orElseThrow().state()).isEqualTo(TaskState.PENDING);
        assertThat(second.cancel(later).state()).isEqualTo(TaskState.CANCELLED);
        assertThat(second.submit("job", List.of(), Duration.ofHours(1))).isEqualTo("sched-3");
      } finally {
        second.shutdown(Duration.ofSeconds(10));
      }
    }
  }
}
