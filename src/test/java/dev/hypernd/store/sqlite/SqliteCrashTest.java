package dev.hypernd.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskState;
import dev.hypernd.fixtures.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real {@code kill -9} of a process writing to the state file, then a restart on the file. */
@Tag("system")
class SqliteCrashTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void afterKillNineEveryFlushedTaskIsThereAndNoIdIsReused() throws Exception {
    Path file = dir.resolve("state.db");
    Process child =
        new ProcessBuilder(ChildJvm.command(CrashChild.class.getName(), file.toString()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    long maxId = 0;
    long durable = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("durable ")) {
          durable = Long.parseLong(line.substring(8));
          if (durable >= 2_000 && child.isAlive()) {
            // SIGKILL through the handle: Process.destroyForcibly would close our end of the pipe.
            child.toHandle().destroyForcibly();
          }
        } else if (line.startsWith("id ")) {
          maxId = Math.max(maxId, Long.parseLong(line.substring(3)));
        }
      }
    }
    child.waitFor();
    assertThat(child.exitValue()).isEqualTo(137);
    assertThat(durable).isGreaterThanOrEqualTo(2_000);

    try (SqliteTaskStore store = SqliteTaskStore.open(file)) {
      for (long n = 1; n <= durable; n++) {
        TaskResult t = store.find("sched-" + n).orElseThrow(AssertionError::new);
        assertThat(t.state()).isEqualTo(TaskState.COMPLETED);
      }
      assertThat(store.nextTaskNumber()).isGreaterThan(maxId);
    }
  }
}
