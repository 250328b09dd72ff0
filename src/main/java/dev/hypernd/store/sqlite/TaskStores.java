package dev.hypernd.store.sqlite;

import dev.hypernd.engine.store.InMemoryTaskStore;
import dev.hypernd.engine.store.StoreException;
import dev.hypernd.engine.store.TaskStore;
import java.nio.file.Path;
import java.util.Map;

/** How the daemon gets its store: {@code --state PATH} (the default) or {@code --store memory}. */
public final class TaskStores {
  /** The file name of the state database inside the state directory. */
  public static final String FILE_NAME = "state.db";

  private TaskStores() {}

  /**
   * The durable store in the SQLite file {@code file}, created (with its directory) if missing.
   * Close it after the scheduler has shut down.
   *
   * @throws StoreException naming the file when it cannot be used; the file is left untouched
   */
  public static TaskStore open(Path file) {
    return SqliteTaskStore.open(file);
  }

  /** A store that keeps nothing across restarts, for throw-away runs. */
  public static TaskStore memory() {
    return new InMemoryTaskStore();
  }

  /**
   * The default state file (design §7, §8): {@code $STATE_DIRECTORY/state.db} under systemd's
   * {@code StateDirectory=}; else {@code /var/lib/hypernd/state.db} for root; else {@code
   * $XDG_STATE_HOME/hypernd/state.db}, or {@code ~/.local/state/hypernd/state.db} without it.
   *
   * @param env the environment, as {@link System#getenv()}
   * @param root whether the daemon runs as root
   * @param home the user's home directory
   */
  public static Path defaultFile(Map<String, String> env, boolean root, Path home) {
    String systemd = env.get("STATE_DIRECTORY");
    if (systemd != null && !systemd.isBlank()) {
      // systemd may pass several directories separated by ':'; the first is ours.
      return Path.of(systemd.split(":", -1)[0]).resolve(FILE_NAME);
    }
    if (root) {
      return Path.of("/var/lib/hypernd", FILE_NAME);
    }
    String xdg = env.get("XDG_STATE_HOME");
    Path base =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : home.resolve(".local/state");
    return base.resolve("hypernd").resolve(FILE_NAME);
  }
}
