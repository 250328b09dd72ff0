package dev.hypernd.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskState;
import dev.hypernd.engine.store.StoreException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state file that cannot be used stops the open with a clear error and stays as it was. */
class SqliteOpenFailuresTest {
  @TempDir Path dir;

  private void assertRefusedUntouched(Path file, String... messageParts) throws Exception {
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> SqliteTaskStore.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toAbsolutePath().toString())
        .satisfies(
            e -> {
              for (String part : messageParts) {
                assertThat(e.getMessage()).contains(part);
              }
            });
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(file.resolveSibling(file.getFileName() + "-wal")).doesNotExist();
  }

  @Test
  void aFileOfGarbageIsRefused() throws Exception {
    Path file = dir.resolve("state.db");
    Files.writeString(file, "this is not a database, it is a shopping list\n".repeat(100));
    assertRefusedUntouched(file, "does not start with the SQLite header", "left untouched");
  }

  @Test
  void aTruncatedDatabaseIsRefused() throws Exception {
    Path file = dir.resolve("state.db");
    try (SqliteTaskStore store = SqliteTaskStore.open(file)) {
      for (int i = 1; i <= 500; i++) {
        store.save(
            new TaskResult(
                "sched-" + i,
                "job",
                TaskState.COMPLETED,
                "x".repeat(500),
                null,
                1,
                1,
                Instant.EPOCH,
                null,
                Instant.EPOCH,
                null,
                List.of()));
      }
    }
    long size = Files.size(file);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size / 2);
    }
    assertRefusedUntouched(file, "is damaged", "left untouched");
  }

  @Test
  void aTinyTruncatedHeaderIsRefused() throws Exception {
    Path file = dir.resolve("state.db");
    Files.write(file, "SQLite format 3\0abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertRefusedUntouched(file, "truncated to 19 bytes");
  }

  @Test
  void aFileFromANewerSchemaVersionIsRefused() throws Exception {
    Path file = dir.resolve("state.db");
    SqliteTaskStore.open(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA user_version = " + (Schema.LATEST + 1));
      st.execute("PRAGMA journal_mode = DELETE");
    }
    assertRefusedUntouched(
        file,
        "has schema version " + (Schema.LATEST + 1),
        "understands versions up to " + Schema.LATEST,
        "newer hypernd");
  }

  @Test
  void anotherApplicationsDatabaseIsRefused() throws Exception {
    Path file = dir.resolve("state.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)");
    }
    assertRefusedUntouched(file, "another application", "[photos]");
  }

  @Test
  void aDirectoryIsRefused() {
    assertThatThrownBy(() -> SqliteTaskStore.open(dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("is a directory");
  }

  @Test
  void aSecondStoreOnTheSameFileIsRefusedWhileTheFirstIsOpen() {
    Path file = dir.resolve("state.db");
    try (SqliteTaskStore first = SqliteTaskStore.open(file)) {
      assertThatThrownBy(() -> SqliteTaskStore.open(file))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("is in use by another hypernd");
      assertThat(first.nextTaskNumber()).isEqualTo(1);
    }
    SqliteTaskStore.open(file).close();
  }

  @Test
  void anEmptyFileAndAMissingDirectoryAreStartedFresh() throws Exception {
    Path empty = dir.resolve("empty.db");
    Files.createFile(empty);
    try (SqliteTaskStore store = SqliteTaskStore.open(empty)) {
      assertThat(store.nextTaskNumber()).isEqualTo(1);
    }
    try (SqliteTaskStore store = SqliteTaskStore.open(dir.resolve("a/b/state.db"))) {
      assertThat(store.file()).exists();
    }
  }
}
