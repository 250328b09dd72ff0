package dev.hypernd.engine;

import dev.hypernd.store.sqlite.SqliteTaskStore;
import dev.hypernd.testing.ManualScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real SQLite state files for restart tests, in a directory of their own per test, and crash images
 * of them: what {@code kill -9} right after the writer's last commit would leave on disk (the
 * database file and its WAL, without the shared-memory index, which SQLite rebuilds). Register it
 * with {@code @RegisterExtension}; it closes every store it opened after each test.
 */
final class StateFiles implements BeforeEachCallback, AfterEachCallback {
  private final List<SqliteTaskStore> opened = new ArrayList<>();
  private Path dir;
  private int images;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("state-files");
    images = 0;
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    opened.forEach(SqliteTaskStore::close);
    opened.clear();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** The state file {@link #fresh()} opens. */
  Path file() {
    return dir.resolve("state.db");
  }

  SqliteTaskStore open(Path file) {
    SqliteTaskStore store = SqliteTaskStore.open(file);
    opened.add(store);
    return store;
  }

  SqliteTaskStore fresh() {
    return open(file());
  }

  /**
   * A second scheduler on {@code file}, started {@code downtime} after the first one stopped, with
   * {@code jobs} registered before it starts (as the daemon registers its job file's).
   */
  ManualScheduler restart(Path file, Duration downtime, JobDefinition... jobs) {
    ManualScheduler m = new ManualScheduler(open(file));
    m.clock().advance(downtime);
    for (JobDefinition job : jobs) {
      m.scheduler().schedule(job);
    }
    m.scheduler().start();
    return m;
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
}
