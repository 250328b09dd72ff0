package dev.hypernd.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SocketPathsTest {
  private static final Map<String, String> XDG = Map.of("XDG_RUNTIME_DIR", "/run/user/1000");

  @Test
  void anExplicitPathWinsOverEverything() {
    Map<String, String> env = Map.of("HYPERND_SOCKET", "/env.sock", "XDG_RUNTIME_DIR", "/x");
    assertThat(SocketPaths.resolve(Optional.of(Path.of("/given.sock")), env, 1000))
        .isEqualTo(Path.of("/given.sock"));
  }

  @Test
  void theEnvironmentVariableWinsOverTheDefaults() {
    assertThat(SocketPaths.resolve(Optional.empty(), Map.of("HYPERND_SOCKET", "/e.sock"), 0))
        .isEqualTo(Path.of("/e.sock"));
  }

  @Test
  void rootUsesTheSystemdRuntimeDirectory() {
    assertThat(SocketPaths.resolve(Optional.empty(), XDG, 0))
        .isEqualTo(Path.of("/run/hypernd/hypernd.sock"));
  }

  @Test
  void aUserUsesXdgRuntimeDir() {
    assertThat(SocketPaths.resolve(Optional.empty(), XDG, 1000))
        .isEqualTo(Path.of("/run/user/1000/hypernd.sock"));
  }

  @Test
  void withoutXdgRuntimeDirAUserGetsAPrivateDirectoryUnderTmp() {
    Map<String, String> blank = Map.of("XDG_RUNTIME_DIR", "", "HYPERND_SOCKET", " ");
    Path socket = SocketPaths.resolve(Optional.empty(), blank, 1000);
    assertThat(socket).isEqualTo(Path.of("/tmp/hypernd-1000/hypernd.sock"));
    assertThat(SocketPaths.isPrivateTmpDirectory(socket.getParent(), 1000)).isTrue();
    assertThat(SocketPaths.isPrivateTmpDirectory(socket.getParent(), 1001)).isFalse();
  }

  @Test
  void theCurrentUidIsTheOwnerOfThisProcess() throws java.io.IOException {
    Object procOwner = java.nio.file.Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    assertThat(SocketPaths.currentUid()).isEqualTo(((Integer) procOwner).longValue());
  }
}
