package dev.hypernd.store.sqlite;

import dev.hypernd.engine.store.TaskStore;
import dev.hypernd.engine.store.TaskStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteTaskStoreTest extends TaskStoreContract {
  @TempDir Path dir;

  @Override
  protected TaskStore newStore() {
    return SqliteTaskStore.open(dir.resolve("state.db"));
  }
}
