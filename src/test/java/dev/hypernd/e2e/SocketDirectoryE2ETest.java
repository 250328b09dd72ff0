package dev.hypernd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.control.SocketPaths;
import dev.hypernd.fixtures.ChildJvm;
import dev.hypernd.packaging.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root daemon asked to serve its socket where {@code nobody} can write: {@code nobody} plants
 * {@code hypernd.sock.lock} as a symbolic link to a file of root's choosing. The daemon refuses to
 * start, says why, and creates nothing through the link. Needs root and setpriv.
 */
@Tag("e2e")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SocketDirectoryE2ETest {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private Path setpriv;
  private Path jobs;
  private Path victim;

  @BeforeEach
  void asRootWithNobodyAround() throws Exception {
    if (SocketPaths.currentUid() != 0) {
      Tools.unavailable("the daemon must run as root for this test", "CI runs as root");
    }
    setpriv = Tools.require("setpriv", "util-linux");
    // nobody must be able to reach the shared directory inside the test's.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    jobs =
        Files.writeString(
            dir.resolve("jobs.yaml"), "jobs: [{name: a, interval: 1s, command: 'true'}]\n");
    victim = dir.resolve("victim");
  }

  private Path shared(String mode) throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    assertThat(new ProcessBuilder("chmod", mode, shared.toString()).start().waitFor()).isZero();
    Tools.Run planted =
        Tools.run(
            List.of(
                setpriv.toString(),
                "--reuid=nobody",
                "--regid=nogroup",
                "--clear-groups",
                "ln",
                "-s",
                victim.toString(),
                shared.resolve("hypernd.sock.lock").toString()),
            dir,
            Map.of());
    assertThat(planted.exitCode()).as(planted.output()).isZero();
    return shared;
  }

  private ChildJvm.Run run(Path socketDir) throws Exception {
    return DaemonProcess.runToEnd(
        LIMIT,
        "run",
        jobs.toString(),
        "--store",
        "memory",
        "--socket",
        socketDir.resolve("hypernd.sock").toString());
  }

  @Test
  void aWorldWritableDirectoryIsRefusedAndTheLinkIsNotFollowed() throws Exception {
    Path shared = shared("0777");

    ChildJvm.Run run = run(shared);

    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains(shared + " is writable by other users (mode 0777) and not sticky");
    assertThat(victim).doesNotExist();
    assertThat(shared.resolve("hypernd.sock")).doesNotExist();
  }

  @Test
  void inAStickyDirectoryOfRootsAPlantedLinkIsStillNotFollowed() throws Exception {
    Path shared = shared("1777");

    ChildJvm.Run run = run(shared);

    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains(shared.resolve("hypernd.sock.lock") + " is a symbolic link, not the daemon's");
    assertThat(victim).doesNotExist();
  }
}
