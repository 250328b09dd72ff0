package dev.hypernd.control.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hypernd.control.SocketPaths;
import dev.hypernd.daemon.control.ControlFixture;
import dev.hypernd.packaging.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the daemon agrees to bind, as sshd's StrictModes: not in a directory that other users can
 * write (unless it is sticky and the daemon's), and never through a lock file it does not own or
 * that is a symbolic link. Files of another user are made by chown, which needs root.
 */
class SocketSafetyTest {
  @TempDir Path dir;

  private static void mode(Path path, String mode) throws IOException {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
  }

  private static void sticky(Path path) throws IOException, InterruptedException {
    assertThat(new ProcessBuilder("chmod", "1777", path.toString()).start().waitFor()).isZero();
  }

  private static UserPrincipal nobody() throws IOException {
    return Path.of("/")
        .getFileSystem()
        .getUserPrincipalLookupService()
        .lookupPrincipalByName("nobody");
  }

  private static void requireRoot() {
    if (SocketPaths.currentUid() != 0) {
      Tools.unavailable("files of another user can only be made by root", "CI runs as root");
    }
  }

  /** Why the server refuses to start on {@code socketDir}/hypernd.sock. */
  private static String refusal(Path socketDir) {
    try (ControlFixture f = new ControlFixture(socketDir)) {
      IOException e = catchThrowableOfType(f::start, IOException.class);
      assertThat(e).as("the server started on %s", socketDir).isNotNull();
      return e.getMessage();
    }
  }

  @Test
  void aDirectoryOthersMayWriteIsRefused() throws IOException {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    mode(shared, "rwxrwxrwx");

    assertThat(refusal(shared))
        .isEqualTo(
            shared
                + " is writable by other users (mode 0777) and not sticky: one of them could"
                + " replace the socket; use a directory only the daemon's user can write");
    assertThat(shared.resolve("hypernd.sock.lock")).doesNotExist();
  }

  @Test
  void aGroupWritableDirectoryIsRefusedToo() throws IOException {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    mode(shared, "rwxrwx---");

    assertThat(refusal(shared)).contains("is writable by other users (mode 0770)");
  }

  @Test
  void anAncestorOthersMayWriteIsRefused() throws IOException {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Path mine = Files.createDirectory(shared.resolve("mine"));
    mode(shared, "rwxrwxrwx");

    assertThat(refusal(mine))
        .startsWith(shared + " is writable by other users (mode 0777) and not sticky");
  }

  @Test
  void aStickyDirectoryOfTheDaemonsUserIsAccepted() throws Exception {
    Path tmpLike = Files.createDirectory(dir.resolve("tmp"));
    sticky(tmpLike);

    try (ControlFixture f = new ControlFixture(tmpLike).start()) {
      assertThat(f.socket).exists();
    }
  }

  @Test
  void aStickyDirectoryOfAnotherUserIsRefused() throws Exception {
    requireRoot();
    Path theirs = Files.createDirectory(dir.resolve("theirs"));
    sticky(theirs);
    Files.setOwner(theirs, nobody());

    assertThat(refusal(theirs))
        .isEqualTo(
            theirs
                + " is owned by nobody, neither root nor the daemon's user: they could replace"
                + " the socket; use a directory only the daemon's user can write");
  }

  @Test
  void aPlantedSymlinkAsTheLockFileIsNotFollowed() throws Exception {
    Path tmpLike = Files.createDirectory(dir.resolve("tmp"));
    sticky(tmpLike);
    Path victim = dir.resolve("victim");
    Path lock = Files.createSymbolicLink(tmpLike.resolve("hypernd.sock.lock"), victim);

    assertThat(refusal(tmpLike))
        .isEqualTo(
            lock
                + " is a symbolic link, not the daemon's lock file; refusing to follow it"
                + " (remove it if it is not yours to keep)");
    assertThat(victim).doesNotExist();
  }

  @Test
  void aLockFileOfAnotherUserIsRefused() throws Exception {
    requireRoot();
    Path tmpLike = Files.createDirectory(dir.resolve("tmp"));
    sticky(tmpLike);
    Path lock = Files.writeString(tmpLike.resolve("hypernd.sock.lock"), "");
    Files.setOwner(lock, nobody());

    assertThat(refusal(tmpLike))
        .isEqualTo(
            lock
                + " is owned by nobody, not by the daemon's user; refusing to use it (remove it"
                + " if it is not yours to keep)");
  }

  @Test
  void aLockFileWithASecondNameIsRefused() throws Exception {
    Path lock = Files.writeString(dir.resolve("hypernd.sock.lock"), "");
    Files.createLink(dir.resolve("elsewhere"), lock);

    assertThat(refusal(dir)).contains("has 2 names (hard links)");
  }

  @Test
  void aPathThatIsNotASocketIsNamedAndNoLockFileIsMadeBesideIt() throws IOException {
    Files.writeString(dir.resolve("hypernd.sock"), "precious");
    Files.createDirectory(dir.resolve("d"));

    assertThat(refusal(dir))
        .isEqualTo(
            dir.resolve("hypernd.sock")
                + " is a regular file, not a socket; hypernd does not replace it (remove it, or"
                + " choose another --socket)");
    assertThat(dir.resolve("hypernd.sock.lock")).doesNotExist();
    assertThat(dir.resolve("hypernd.sock")).hasContent("precious");
    ControlServer onDirectory =
        new ControlServer(dir.resolve("d"), new ControlFixture(dir).backend);
    assertThatThrownBy(onDirectory::start).hasMessageContaining("d is a directory, not a socket");
  }

  @Test
  void aCleanStopRemovesTheLockFileAndACrashedOnesIsReused() throws IOException {
    Path lock = dir.resolve("hypernd.sock.lock");
    try (ControlFixture f = new ControlFixture(dir).start()) {
      assertThat(lock).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)))
          .isEqualTo("rw-------");
      f.server.close();
      assertThat(lock).doesNotExist();
      assertThat(f.socket).doesNotExist();
    }
    Files.writeString(lock, "");
    try (ControlFixture f = new ControlFixture(dir).start()) {
      assertThat(f.socket).exists();
    }
    assertThat(lock).doesNotExist();
  }
}
