package dev.hypernd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.daemon.control.ControlFixture;
import dev.hypernd.fixtures.ChildJvm.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real hypernctl run as {@code nobody} (setpriv drops to nobody:nogroup with no supplementary
 * groups) against a daemon running as root. Needs root and setpriv; it says so and is skipped
 * otherwise.
 */
@Tag("system")
class ForeignUserTest {
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
  private static final List<String> AS_NOBODY =
      List.of(SETPRIV.toString(), "--reuid=nobody", "--regid=nogroup", "--clear-groups");

  @TempDir static Path classes;
  @TempDir static Path sockets;
  private static ClientProcess client;
  private static ControlFixture daemon;

  @BeforeAll
  static void startDaemonAsRoot() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(SETPRIV), "setpriv is not installed: cannot run a client as nobody");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")), "not root: cannot switch to nobody");
    client = new ClientProcess(classes);
    // nobody must be able to reach the socket's directory for its connect to get that far.
    Files.setPosixFilePermissions(sockets, PosixFilePermissions.fromString("rwxr-xr-x"));
    daemon = new ControlFixture(sockets).start();
  }

  @AfterAll
  static void stop() {
    if (daemon != null) {
      daemon.close();
    }
  }

  private Run statusAsNobody() throws Exception {
    return client.run(AS_NOBODY, List.of(), "--socket", daemon.socket.toString(), "status");
  }

  @Test
  void theSocketsModeKeepsNobodyOutWithAMessageAboutPermission() throws Exception {
    Run r = statusAsNobody();
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err())
        .contains("cannot reach hypernd at " + daemon.socket, "permission denied")
        .contains("ask to be added to the socket's group");
  }

  @Test
  void whenTheModeIsTooLooseThePeerCheckRefusesNobodyAndSaysWhy() throws Exception {
    Files.setPosixFilePermissions(daemon.socket, PosixFilePermissions.fromString("rw-rw-rw-"));
    try {
      Run r = statusAsNobody();
      assertThat(r.code()).as(r.err()).isEqualTo(1);
      assertThat(r.err())
          .contains(
              "hypernctl: forbidden: user nobody may not use this socket: only root, root (the"
                  + " daemon's user) and members of group root (the socket's group) may");
      assertThat(r.out()).isEmpty();
    } finally {
      Files.setPosixFilePermissions(daemon.socket, PosixFilePermissions.fromString("rw-rw----"));
    }
  }

  @Test
  void aMemberOfTheSocketsGroupIsServed() throws Exception {
    PosixFileAttributeView view =
        Files.getFileAttributeView(daemon.socket, PosixFileAttributeView.class);
    GroupPrincipal before = view.readAttributes().group();
    GroupPrincipal nogroup =
        daemon
            .socket
            .getFileSystem()
            .getUserPrincipalLookupService()
            .lookupPrincipalByGroupName("nogroup");
    view.setGroup(nogroup);
    try {
      Run r = statusAsNobody();
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("hypernd 9.9.9-test");
    } finally {
      view.setGroup(before);
    }
  }
}
