package dev.hypernd.daemon.systemd;

import static dev.hypernd.daemon.systemd.NotifyReceiver.has;
import static dev.hypernd.daemon.systemd.NotifyReceiver.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.daemon.ReloadOutcome;
import dev.hypernd.jobs.ReloadDiff;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notifications of a daemon's lifecycle, received on a real datagram socket. */
class SystemdNotificationsTest {
  private static final Duration SOON = Duration.ofSeconds(10);
  private static final ReloadOutcome LOADED =
      new ReloadOutcome.Loaded(
          Path.of("jobs.yaml"),
          Instant.EPOCH,
          1,
          new ReloadDiff(List.of(), List.of(), List.of(), List.of("a")),
          1,
          false);

  @TempDir Path dir;

  private SystemdNotifications notifications(
      NotifyReceiver systemd,
      AtomicReference<String> status,
      SystemdNotifications.Liveness liveness,
      Optional<Duration> watchdog,
      Duration statusEvery) {
    return new SystemdNotifications(
        Notifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.notifySocket())),
        status::get,
        liveness,
        watchdog,
        statusEvery);
  }

  @Test
  void readyThenReloadingWithTheMonotonicClockThenReadyThenStopping() throws Exception {
    AtomicReference<String> status = new AtomicReference<>("2 jobs, 0 running");
    try (NotifyReceiver systemd = NotifyReceiver.atPath(dir.resolve("notify"));
        SystemdNotifications n =
            notifications(systemd, status, p -> true, Optional.empty(), Duration.ofHours(1))) {
      n.started(null);
      long before = System.nanoTime() / 1000;
      n.reloading();
      long after = System.nanoTime() / 1000;
      status.set("3 jobs, 0 running");
      n.loaded(LOADED);
      n.stopping("SIGTERM", SOON);

      List<String> got = systemd.await(4, m -> true, SOON);
      assertThat(got.get(0)).isEqualTo("READY=1\nSTATUS=2 jobs, 0 running");
      assertThat(has(got.get(1), "RELOADING=1")).isTrue();
      assertThat(Long.parseLong(value(got.get(1), "MONOTONIC_USEC"))).isBetween(before, after);
      assertThat(got.get(2)).isEqualTo("READY=1\nSTATUS=3 jobs, 0 running");
      assertThat(got.get(3)).startsWith("STOPPING=1\nSTATUS=Stopping on SIGTERM");
    }
  }

  @Test
  void theStatusLineIsSentAgainWhenItChanges() throws Exception {
    AtomicReference<String> status = new AtomicReference<>("1 job, 0 running");
    try (NotifyReceiver systemd = NotifyReceiver.atPath(dir.resolve("notify"));
        SystemdNotifications n =
            notifications(systemd, status, p -> true, Optional.empty(), Duration.ofMillis(20))) {
      n.started(null);
      status.set("1 job, 1 running");

      systemd.await(1, m -> m.equals("STATUS=1 job, 1 running"), SOON);
      assertThat(systemd.messages(m -> m.equals("STATUS=1 job, 0 running")))
          .as("an unchanged line is not sent again")
          .isEmpty();
    }
  }

  @Test
  void theWatchdogIsPingedOnlyWhileTheSchedulerIsAlive() throws Exception {
    AtomicReference<String> status = new AtomicReference<>("1 job");
    AtomicBoolean alive = new AtomicBoolean(true);
    try (NotifyReceiver systemd = NotifyReceiver.atPath(dir.resolve("notify"));
        Notifier marker =
            Notifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.notifySocket()))) {
      // A failed check sends MARK on the same socket: datagrams queue in the order sent, so a
      // WATCHDOG=1 between two marks would have been sent after a failed check.
      SystemdNotifications.Liveness liveness =
          patience -> {
            assertThat(patience).isEqualTo(Duration.ofSeconds(2));
            if (!alive.get()) {
              marker.send("MARK");
            }
            return alive.get();
          };
      try (SystemdNotifications n =
          notifications(
              systemd,
              status,
              liveness,
              Optional.of(Duration.ofMillis(100)),
              Duration.ofHours(1))) {
        n.started(null);
        systemd.await(3, m -> m.equals("WATCHDOG=1"), SOON);

        alive.set(false);
        systemd.await(3, m -> m.equals("MARK"), SOON);
        List<String> all = systemd.messages();
        int first = all.indexOf("MARK");
        assertThat(all.subList(first, all.size())).doesNotContain("WATCHDOG=1");

        alive.set(true);
        int marks = systemd.messages(m -> m.equals("MARK")).size();
        int pings = systemd.messages(m -> m.equals("WATCHDOG=1")).size();
        systemd.await(pings + 1, m -> m.equals("WATCHDOG=1"), SOON);
        assertThat(systemd.messages(m -> m.equals("MARK")).size()).isLessThanOrEqualTo(marks + 1);
      }
    }
  }

  @Test
  void whileStoppingTheWatchdogIsPingedWithoutAskingTheScheduler() throws Exception {
    AtomicReference<String> status = new AtomicReference<>("1 job");
    try (NotifyReceiver systemd = NotifyReceiver.atPath(dir.resolve("notify"));
        SystemdNotifications n =
            notifications(
                systemd,
                status,
                p -> false,
                Optional.of(Duration.ofMillis(100)),
                Duration.ofHours(1))) {
      n.started(null);
      n.stopping("SIGTERM", SOON);

      systemd.await(2, m -> m.equals("WATCHDOG=1"), SOON);
    }
  }

  @Test
  void withoutNotifySocketNothingHappens() throws Exception {
    SystemdNotifications n =
        new SystemdNotifications(
            Notifier.NONE,
            () -> "x",
            p -> {
              throw new AssertionError("no watchdog without a notify socket");
            },
            Optional.empty(),
            Duration.ofMillis(1));
    n.started(null);
    n.reloading();
    n.loaded(LOADED);
    n.stopping("SIGTERM", SOON);
    n.close();
  }
}
