package dev.hypernd.engine;

import dev.hypernd.store.sqlite.SqliteTaskStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Real SQLite state files for restart tests, and crash images of them: what {@code kill -9} right
 * after the writer's last commit would leave on disk (the database file and its WAL, without the
 * shared-memory index, which SQLite rebuilds).
 */
final class StateFiles implements AutoCloseable {
  private final Path dir;
  private final List<SqliteTaskStore> opened = new ArrayList<>();
  private int images;

  StateFiles(Path dir) {
    this.dir = dir;
  }

  SqliteTaskStore open(Path file) {
    SqliteTaskStore store = SqliteTaskStore.open(file);
    opened.add(store);
    return store;
  }

  SqliteTaskStore fresh() {
    return open(dir.resolve("state.db"));
  }

  /** Flushes {@code store} and copies its files: the state a crash at this moment leaves. */
  Path crashImage(SqliteTaskStore store) {
    store.flush();
    Path image = dir.resolve("crash-" + ++images + ".db");
    try {
      Files.copy(store.file(), image, StandardCopyOption.REPLACE_EXISTING);
      Path wal = store.file().resolveSibling(store.file().getFileName() + "-wal");
      if (Files.exists(wal)) {
        Files.copy(
            wal,
            image.resolveSibling(image.getFileName() + "-wal"),
            StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return image;
  }

  @Override
  public void close() {
    opened.forEach(SqliteTaskStore::close);
  }
}
