package dev.hypernd.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.store.InMemoryTaskStore;
import dev.hypernd.engine.store.TaskStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskStoresTest {
  static final Path HOME = Path.of("/home/ann");

  @Test
  void theDefaultFileFollowsSystemdThenRootThenXdg() {
    assertThat(TaskStores.defaultFile(Map.of("STATE_DIRECTORY", "/var/lib/hypernd:/x"), true, HOME))
        .isEqualTo(Path.of("/var/lib/hypernd/state.db"));
    assertThat(TaskStores.defaultFile(Map.of(), true, HOME))
        .isEqualTo(Path.of("/var/lib/hypernd/state.db"));
    assertThat(TaskStores.defaultFile(Map.of("XDG_STATE_HOME", "/xdg"), false, HOME))
        .isEqualTo(Path.of("/xdg/hypernd/state.db"));
    assertThat(TaskStores.defaultFile(Map.of("XDG_STATE_HOME", "relative"), false, HOME))
        .isEqualTo(Path.of("/home/ann/.local/state/hypernd/state.db"));
    assertThat(TaskStores.defaultFile(Map.of(), false, HOME))
        .isEqualTo(Path.of("/home/ann/.local/state/hypernd/state.db"));
  }

  @Test
  void openGivesTheSqliteStoreAndMemoryTheThrowAwayOne(@TempDir Path dir) {
    try (TaskStore store = TaskStores.open(dir.resolve("s/state.db"))) {
      assertThat(store).isInstanceOf(SqliteTaskStore.class);
    }
    assertThat(TaskStores.memory()).isInstanceOf(InMemoryTaskStore.class);
  }
}
