package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static dev.hypernd.e2e.Events.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.control.SocketPaths;
import dev.hypernd.fixtures.ChildJvm;
import dev.hypernd.packaging.Tools;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member of the socket's group ({@code nobody}, once the socket's group is {@code nogroup}) opens
 * 300 connections and says nothing on them. Root's {@code hypernctl status} is still served at
 * once: {@code nobody} holds its share of 32 and the last slots are kept for root and the daemon's
 * user. Needs root and setpriv.
 */
@Tag("e2e")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IdleConnectionsE2ETest {
  private static final Duration SOON = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void threeHundredIdleConnectionsOfAnotherUserDoNotLockRootOut() throws Exception {
    if (SocketPaths.currentUid() != 0) {
      Tools.unavailable("the daemon must run as root for this test", "CI runs as root");
    }
    Path setpriv = Tools.require("setpriv", "util-linux");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path holder = dir.resolve("IdleConnections.java");
    Files.copy(resource("/e2e/IdleConnections.java"), holder);
    Files.setPosixFilePermissions(holder, PosixFilePermissions.fromString("rw-r--r--"));
    Path file =
        Files.writeString(
            dir.resolve("jobs.yaml"), "jobs: [{name: a, interval: 1h, command: 'true'}]\n");
    Path socket = dir.resolve("hypernd.sock");
    try (DaemonProcess daemon = DaemonProcess.start(file, "--store", "memory")) {
      daemon.await(event("daemon.started"), SOON);
      PosixFileAttributeView view =
          Files.getFileAttributeView(socket, PosixFileAttributeView.class);
      GroupPrincipal nogroup =
          socket
              .getFileSystem()
              .getUserPrincipalLookupService()
              .lookupPrincipalByGroupName("nogroup");
      view.setGroup(nogroup);

      Process idle =
          new ProcessBuilder(
                  setpriv.toString(),
                  "--reuid=nobody",
                  "--regid=nogroup",
                  "--clear-groups",
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:+UseSerialGC",
                  holder.toString(),
                  socket.toString(),
                  "300")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(idle.getInputStream(), StandardCharsets.UTF_8));
        String opened =
            CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
        assertThat(opened).isEqualTo("opened 300");

        long t0 = System.nanoTime();
        ChildJvm.Run status = new Ctl(socket).run("status");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("idle connections: root's status answered in %d ms%n", millis);
        assertThat(status.code()).as(status.toString()).isZero();
        assertThat(status.out()).contains("hypernd");

        daemon.await(
            e ->
                "WARN".equals(text(e, "level"))
                    && String.valueOf(text(e, "message"))
                        .contains(
                            "user nobody has 32 control connections open, the limit per user"),
            SOON);
      } finally {
        idle.getOutputStream().close();
        if (!idle.waitFor(30, TimeUnit.SECONDS)) {
          idle.destroyForcibly();
        }
      }
      daemon.signal("TERM");
      assertThat(daemon.awaitExit(SOON)).isZero();
      daemon.assertEveryLineWasJson();
    }
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(IdleConnectionsE2ETest.class.getResource(name).toURI());
  }

  private static String readLine(BufferedReader in) {
    try {
      return in.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
