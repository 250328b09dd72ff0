package dev.hypernd.control.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypernd.control.SocketPaths;
import dev.hypernd.daemon.control.ControlFixture;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLifecycleTest {
  @TempDir Path dir;

  @Test
  void theSocketIsCreatedWithMode0660AndRemovedOnClose() throws IOException {
    try (ControlFixture f = new ControlFixture(dir).start()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.socket)))
          .isEqualTo("rw-rw----");
      f.server.close();
      assertThat(f.socket).doesNotExist();
    }
  }

  @Test
  void aStaleSocketFromACrashedDaemonIsReplaced() throws IOException {
    Path socket = dir.resolve("hypernd.sock");
    // A socket file nobody listens on any more, as a killed daemon leaves it.
    ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    dead.bind(UnixDomainSocketAddress.of(socket));
    dead.close();
    assertThat(socket).exists();

    try (ControlFixture f = new ControlFixture(dir).start();
        RawClient c = new RawClient(socket)) {
      assertThat(c.ask("{\"verb\":\"jobs\"}").path("ok").asBoolean()).isTrue();
    }
  }

  @Test
  void aSecondDaemonOnTheSamePathRefusesToStart() throws IOException {
    try (ControlFixture first = new ControlFixture(dir).start();
        ControlFixture second = new ControlFixture(dir)) {
      assertThatThrownBy(second::start)
          .isInstanceOf(SocketInUseException.class)
          .hasMessageContaining("another hypernd is already serving " + first.socket);
      try (RawClient c = new RawClient(first.socket)) {
        assertThat(c.ask("{\"verb\":\"jobs\"}").path("ok").asBoolean()).isTrue();
      }
    }
  }

  @Test
  void aProcessThatAnswersOnThePathWithoutTheLockIsAlsoDetected() throws IOException {
    Path socket = dir.resolve("hypernd.sock");
    try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      other.bind(UnixDomainSocketAddress.of(socket));
      ControlFixture f = new ControlFixture(dir);
      assertThatThrownBy(f::start)
          .isInstanceOf(SocketInUseException.class)
          .hasMessageContaining("a process answers on it");
      f.close();
    }
    assertThat(socket).exists();
  }

  @Test
  void aRegularFileAtThePathIsNotReplaced() throws IOException {
    Files.writeString(dir.resolve("hypernd.sock"), "precious");
    ControlFixture f = new ControlFixture(dir);
    assertThatThrownBy(f::start).hasMessageContaining("is a regular file, not a socket");
    f.close();
    assertThat(dir.resolve("hypernd.sock")).hasContent("precious");
  }

  @Test
  void theServerCanStartAgainAfterClose() throws IOException {
    try (ControlFixture f = new ControlFixture(dir).start()) {
      f.server.close();
      f.server.start();
      try (RawClient c = new RawClient(f.socket)) {
        assertThat(c.ask("{\"verb\":\"jobs\"}").path("ok").asBoolean()).isTrue();
      }
    }
  }

  @Test
  void aMissingDirectoryIsCreated() throws IOException {
    try (ControlFixture f = new ControlFixture(dir.resolve("run/hypernd")).start()) {
      assertThat(f.socket).exists();
    }
  }

  @Test
  void thePerUserDirectoryUnderTmpMustBePrivate() throws IOException {
    Path shared = Path.of("/tmp", "hypernd-" + SocketPaths.currentUid());
    org.junit.jupiter.api.Assumptions.assumeFalse(
        Files.exists(shared), shared + " exists: leaving it alone");
    try {
      Files.createDirectory(shared);
      Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
      ControlFixture loose = new ControlFixture(shared);
      assertThatThrownBy(loose::start).hasMessageContaining("with mode 0700");
      loose.close();
      Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwx------"));
      try (ControlFixture f = new ControlFixture(shared).start()) {
        assertThat(f.socket).exists();
      }
    } finally {
      Files.deleteIfExists(shared.resolve("hypernd.sock.lock"));
      Files.deleteIfExists(shared);
    }
  }

  @Test
  void thePerUserDirectoryUnderTmpIsCreatedPrivate() throws IOException {
    Path shared = Path.of("/tmp", "hypernd-" + SocketPaths.currentUid());
    org.junit.jupiter.api.Assumptions.assumeFalse(
        Files.exists(shared), shared + " exists: leaving it alone");
    try (ControlFixture f = new ControlFixture(shared).start()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)))
          .isEqualTo("rwx------");
    } finally {
      Files.deleteIfExists(shared.resolve("hypernd.sock.lock"));
      Files.deleteIfExists(shared);
    }
  }
}
