package dev.hypernd.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.TaskError;
import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskState;
import dev.hypernd.engine.store.TaskStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state file written by an older hypernd is brought up to date and keeps what it held. */
class SchemaMigrationTest {
  @TempDir Path dir;

  @Test
  void aVersionOneFileGainsTheStackTraceColumnAndKeepsItsTasks() throws Exception {
    Path file = dir.resolve("state.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      for (String sql : Schema.MIGRATIONS.get(0)) {
        st.execute(sql);
      }
      st.execute("PRAGMA application_id=" + Schema.APPLICATION_ID);
      st.execute("PRAGMA user_version=1");
      st.execute(
          "INSERT INTO tasks (seq, job, state, finished, attempts, duration_ms, scheduled_at,"
              + " finished_at, finished_ms, args_json, error_type, error_message) VALUES (4,"
              + " 'report', 'FAILED', 1, 1, 12, '2026-01-05T10:00:00Z', '2026-01-05T10:00:01Z',"
              + " 1767607201000, '[]', 'java.io.IOException', 'disk on fire')");
      st.execute("UPDATE task_sequence SET high_water = 4");
    }
    TaskError withTrace =
        new TaskError(
            "java.lang.IllegalStateException",
            "boom",
            "java.lang.IllegalStateException: boom\n\tat example.Report.call(Report.java:9)");

    try (TaskStore store = TaskStores.open(file)) {
      TaskResult old = store.find("sched-4").orElseThrow();
      assertThat(old.error()).isEqualTo(new TaskError("java.io.IOException", "disk on fire"));
      store.save(
          new TaskResult(
              "sched-5",
              "report",
              TaskState.FAILED,
              null,
              withTrace,
              1,
              3,
              Instant.parse("2026-01-05T11:00:00Z"),
              null,
              Instant.parse("2026-01-05T11:00:01Z"),
              null,
              List.of()));
    }
    try (TaskStore store = TaskStores.open(file)) {
      assertThat(store.find("sched-5").orElseThrow().error()).isEqualTo(withTrace);
    }
  }
}
