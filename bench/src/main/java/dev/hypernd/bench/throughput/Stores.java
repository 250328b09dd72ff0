package dev.hypernd.bench.throughput;

import dev.hypernd.engine.store.InMemoryTaskStore;
import dev.hypernd.engine.store.TaskStore;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The task stores the throughput benchmark can run hypernd with: {@code memory} (the engine's
 * default) and {@code sqlite} (the durable embedded store). The SQLite store is looked up by
 * reflection, so this project builds against an engine that does not have it yet.
 */
final class Stores {
  static final String SQLITE_FACTORY = "dev.hypernd.store.sqlite.TaskStores";

  private Stores() {}

  /** A new empty store; {@code dir} receives its files (unused by the memory store). */
  static TaskStore open(String name, Path dir) throws Exception {
    return switch (name) {
      case "memory" -> new InMemoryTaskStore();
      case "sqlite" -> openSqlite(dir);
      default -> throw new IllegalArgumentException("unknown store " + name);
    };
  }

  /** Deletes {@code dir} and everything in it. */
  static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static boolean sqliteAvailable() {
    try {
      Class.forName(SQLITE_FACTORY);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static TaskStore openSqlite(Path dir) throws Exception {
    if (!sqliteAvailable()) {
      throw new IllegalStateException(
          "not measured yet: store not landed (" + SQLITE_FACTORY + ")");
    }
    Method open = Class.forName(SQLITE_FACTORY).getMethod("open", Path.class);
    return (TaskStore) open.invoke(null, dir.resolve("state.db"));
  }
}
