package dev.hypernd.control;

import com.sun.security.auth.module.UnixSystem;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the control socket lives (design §6 and §8); {@code hypernd} and {@code hypernctl} both ask
 * this class, so they agree without configuration.
 *
 * <ol>
 *   <li>{@code --socket PATH}, when given;
 *   <li>else {@code $HYPERND_SOCKET}, when set and not empty;
 *   <li>else, for root, {@code /run/hypernd/hypernd.sock} (systemd's {@code RuntimeDirectory});
 *   <li>else {@code $XDG_RUNTIME_DIR/hypernd.sock}, when that variable is set and not empty;
 *   <li>else {@code /tmp/hypernd-UID/hypernd.sock}, in a directory only that user may enter.
 * </ol>
 */
public final class SocketPaths {
  public static final String ENV_VARIABLE = "HYPERND_SOCKET";
  public static final Path SYSTEM_SOCKET = Path.of("/run/hypernd/hypernd.sock");
  static final String FILE_NAME = "hypernd.sock";

  private SocketPaths() {}

  /** The socket for this process: its environment and its real uid. */
  public static Path resolve(Optional<Path> explicit, Map<String, String> env) {
    return resolve(explicit, env, currentUid());
  }

  public static Path resolve(Optional<Path> explicit, Map<String, String> env, long uid) {
    if (explicit.isPresent()) {
      return explicit.get();
    }
    String fromEnv = env.get(ENV_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    if (uid == 0) {
      return SYSTEM_SOCKET;
    }
    String runtimeDir = env.get("XDG_RUNTIME_DIR");
    if (runtimeDir != null && !runtimeDir.isBlank()) {
      return Path.of(runtimeDir, FILE_NAME);
    }
    return Path.of("/tmp", "hypernd-" + uid, FILE_NAME);
  }

  /**
   * Whether the directory of {@code socket} is the per-user fallback under {@code /tmp}, which the
   * server must create with mode 0700 and must find owned by itself.
   */
  public static boolean isPrivateTmpDirectory(Path directory, long uid) {
    return directory.equals(Path.of("/tmp", "hypernd-" + uid));
  }

  /** The real uid of this process (the JDK's own JAAS helper; no process is spawned). */
  public static long currentUid() {
    return new UnixSystem().getUid();
  }
}
