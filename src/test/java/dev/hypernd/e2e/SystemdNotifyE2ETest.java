package dev.hypernd.e2e;

import static dev.hypernd.daemon.systemd.NotifyReceiver.has;
import static dev.hypernd.daemon.systemd.NotifyReceiver.value;
import static dev.hypernd.e2e.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.cli.CliContext;
import dev.hypernd.cli.HypernctlMain;
import dev.hypernd.daemon.systemd.NotifyReceiver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A real daemon under a stand-in for systemd: {@code NOTIFY_SOCKET} names a datagram socket the
 * test bound, {@code WATCHDOG_USEC} asks for a watchdog, and the messages arrive in the order
 * systemd expects them for {@code Type=notify}.
 */
@Tag("e2e")
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SystemdNotifyE2ETest {
  private static final Duration SOON = Duration.ofSeconds(20);
  private static final Predicate<String> READY = m -> has(m, "READY=1");
  private static final Predicate<String> RELOADING = m -> has(m, "RELOADING=1");
  private static final Predicate<String> STOPPING = m -> has(m, "STOPPING=1");
  private static final Predicate<String> WATCHDOG = m -> has(m, "WATCHDOG=1");

  @TempDir Path dir;

  @Test
  void readyAfterStartThenReloadingAndReadyAroundEachReloadThenStoppingWithWatchdogPings()
      throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Path socket = dir.resolve("hypernd.sock");
    Files.writeString(file, "jobs:\n  - {name: tick, interval: 1h, command: echo tick}\n");
    try (NotifyReceiver systemd = NotifyReceiver.atPath(dir.resolve("notify.sock"));
        DaemonProcess daemon =
            DaemonProcess.start(
                file,
                List.of(),
                Map.of("NOTIFY_SOCKET", systemd.notifySocket(), "WATCHDOG_USEC", "1000000"))) {

      String ready = systemd.await(1, READY, SOON).get(0);
      assertThat(Files.exists(socket)).as("the control socket is bound before READY=1").isTrue();
      // Logged before READY=1 is sent; this test reads the log on another thread, so it waits.
      daemon.await(event("daemon.started"), SOON);
      assertThat(value(ready, "STATUS")).isEqualTo("1 job, 0 running, 0 pending, last reload ok");
      systemd.await(2, WATCHDOG, SOON);

      // SIGHUP, as kill -HUP sends it (the unit's ExecReload= runs hypernctl reload instead).
      Files.writeString(
          file,
          "jobs:\n"
              + "  - {name: tick, interval: 1h, command: echo tick}\n"
              + "  - {name: tock, interval: 1h, command: echo tock}\n");
      long before = System.nanoTime() / 1000;
      daemon.signal("HUP");
      String reloading = systemd.await(1, RELOADING, SOON).get(0);
      String readyAgain = systemd.await(2, READY, SOON).get(1);
      long after = System.nanoTime() / 1000;
      assertThat(Long.parseLong(value(reloading, "MONOTONIC_USEC")))
          .as("CLOCK_MONOTONIC in microseconds, the same clock in both processes")
          .isBetween(before, after);
      assertThat(value(readyAgain, "STATUS")).startsWith("2 jobs, ").endsWith("last reload ok");

      // hypernctl reload of a broken file: rejected, the daemon stays ready with the old jobs.
      Files.writeString(file, "jobs:\n  - {name: tick, interval: 0s, command: echo tick}\n");
      StringWriter out = new StringWriter();
      CommandLine hypernctl = HypernctlMain.commandLine(CliContext.system());
      hypernctl.setOut(new PrintWriter(out, true));
      hypernctl.setErr(new PrintWriter(out, true));
      assertThat(hypernctl.execute("--socket", socket.toString(), "reload"))
          .as(out::toString)
          .isOne();
      String readyAfterRejection = systemd.await(3, READY, SOON).get(2);
      assertThat(value(readyAfterRejection, "STATUS"))
          .isEqualTo(
              "2 jobs, 0 running, 0 pending, last reload rejected (1 error; the previous"
                  + " configuration runs)");

      daemon.signal("TERM");
      systemd.await(1, STOPPING, SOON);
      assertThat(daemon.awaitExit(SOON)).isZero();

      List<String> states =
          systemd.messages(READY.or(RELOADING).or(STOPPING)).stream()
              .map(m -> m.lines().findFirst().orElseThrow())
              .toList();
      assertThat(states)
          .containsExactly(
              "READY=1", "RELOADING=1", "READY=1", "RELOADING=1", "READY=1", "STOPPING=1");
      assertThat(systemd.messages(RELOADING))
          .allSatisfy(m -> assertThat(value(m, "MONOTONIC_USEC")).isNotNull());
    }
  }

  @Test
  void withoutNotifySocketTheDaemonRunsAsBefore() throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(file, "jobs:\n  - {name: tick, interval: 1h, command: echo tick}\n");
    try (DaemonProcess daemon =
        DaemonProcess.start(file, List.of(), Map.of("WATCHDOG_USEC", "1000000"))) {
      daemon.await(event("daemon.started"), SOON);
      daemon.signal("TERM");
      assertThat(daemon.awaitExit(SOON)).isZero();
      daemon.assertEveryLineWasJson();
    }
  }
}
