package dev.hypernd.daemon.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Notifier} against real Unix datagram sockets, as systemd binds them. */
class NotifierTest {
  private static final Duration SOON = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void sendsOneDatagramPerMessageToASocketPath() throws Exception {
    try (NotifyReceiver systemd = NotifyReceiver.atPath(dir.resolve("notify"));
        Notifier notifier =
            Notifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.notifySocket()))) {
      notifier.send("READY=1\nSTATUS=2 jobs");
      notifier.send("STOPPING=1");

      assertThat(systemd.await(2, m -> true, SOON))
          .containsExactly("READY=1\nSTATUS=2 jobs", "STOPPING=1");
    }
  }

  @Test
  void anAtSignMeansTheAbstractNamespace() throws Exception {
    String name = "hypernd-test-" + UUID.randomUUID();
    try (NotifyReceiver systemd = NotifyReceiver.abstractNamed(name);
        Notifier notifier = Notifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "@" + name))) {
      notifier.send("READY=1");

      assertThat(systemd.await(1, m -> true, SOON)).containsExactly("READY=1");
    }
  }

  @Test
  void withoutNotifySocketNothingIsSent() {
    assertThat(Notifier.fromEnvironment(Map.of())).isSameAs(Notifier.NONE);
    assertThat(Notifier.fromEnvironment(Map.of("NOTIFY_SOCKET", ""))).isSameAs(Notifier.NONE);
  }

  @Test
  void anAddressItCannotUseMeansNoNotificationsRatherThanAFailedStart() {
    assertThat(Notifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "vsock:2:1234")))
        .isSameAs(Notifier.NONE);
    assertThat(Notifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "relative/path")))
        .isSameAs(Notifier.NONE);
    assertThatThrownBy(() -> NotifySocket.address("@"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("@abstract");
  }

  @Test
  void aSocketThatIsGoneDoesNotBreakTheSender() throws Exception {
    Path path = dir.resolve("gone");
    try (Notifier notifier = Notifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path.toString()))) {
      notifier.send("READY=1");
      notifier.send("WATCHDOG=1");
      assertThat(Files.exists(path)).isFalse();
    }
  }
}
