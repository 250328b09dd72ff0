package dev.hypernd.daemon.systemd;

import dev.hypernd.daemon.Daemon;
import dev.hypernd.daemon.DaemonListener;
import dev.hypernd.daemon.DaemonStatus;
import dev.hypernd.daemon.ReloadOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd ({@code Type=notify}) what the daemon is doing: {@code READY=1} once it has
 * started, {@code RELOADING=1} with {@code MONOTONIC_USEC=} and then {@code READY=1} around each
 * reload, {@code STOPPING=1} when it stops, and a {@code STATUS=} line with each of those and every
 * {@link #STATUS_EVERY} when it changed. With a watchdog ({@code WatchdogSec=}), it sends {@code
 * WATCHDOG=1} every half interval from its own thread, but only while the scheduler is responsive
 * (see {@link Liveness}); while the daemon stops, it keeps pinging, as the stop is bounded by its
 * grace period and systemd's {@code TimeoutStopSec=}.
 */
public final class SystemdNotifications implements DaemonListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SystemdNotifications.class);

  /** How often the {@code STATUS=} line is refreshed when it changed. */
  static final Duration STATUS_EVERY = Duration.ofSeconds(10);

  /** Whether the daemon is working; may wait up to about {@code patience}. */
  @FunctionalInterface
  interface Liveness {
    boolean isAlive(Duration patience) throws InterruptedException;
  }

  private final Notifier notifier;
  private final Supplier<String> status;
  private final Liveness liveness;
  private final Optional<Duration> watchdog;
  private final Duration statusEvery;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "hypernd-systemd");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean stopping;
  private String lastStatus;

  SystemdNotifications(
      Notifier notifier,
      Supplier<String> status,
      Liveness liveness,
      Optional<Duration> watchdog,
      Duration statusEvery) {
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.status = Objects.requireNonNull(status, "status");
    this.liveness = Objects.requireNonNull(liveness, "liveness");
    this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
    this.statusEvery = Objects.requireNonNull(statusEvery, "statusEvery");
  }

  /**
   * Notifications for {@code daemon} as {@code env} asks ({@code NOTIFY_SOCKET}, {@code
   * WATCHDOG_USEC}, {@code WATCHDOG_PID}), listening to it. Without {@code NOTIFY_SOCKET} it sends
   * nothing and starts no thread.
   */
  public static SystemdNotifications forDaemon(Daemon daemon, Map<String, String> env) {
    Notifier notifier = Notifier.fromEnvironment(env);
    Optional<Duration> watchdog =
        notifier == Notifier.NONE
            ? Optional.empty()
            : Watchdog.interval(env, ProcessHandle.current().pid());
    SystemdNotifications notifications =
        new SystemdNotifications(
            notifier,
            () -> StatusLine.of(daemon.status(), daemon.scheduler().metrics()),
            patience -> daemon.scheduler().isResponsive(patience),
            watchdog,
            STATUS_EVERY);
    daemon.addListener(notifications);
    return notifications;
  }

  @Override
  public void started(DaemonStatus daemonStatus) {
    if (notifier == Notifier.NONE) {
      return;
    }
    notifier.send("READY=1\nSTATUS=" + currentStatus());
    long every = statusEvery.toMillis();
    timer.scheduleWithFixedDelay(this::refreshStatus, every, every, TimeUnit.MILLISECONDS);
    watchdog.ifPresent(
        interval -> {
          long ping = Watchdog.pingEvery(interval).toMillis();
          Duration patience = Watchdog.patience(interval);
          timer.scheduleAtFixedRate(
              () -> pingIfAlive(patience), 0, Math.max(1, ping), TimeUnit.MILLISECONDS);
        });
    log.info(
        "notifying systemd through {}{}",
        notifier,
        watchdog
            .map(
                i ->
                    "; watchdog interval "
                        + i.toMillis()
                        + " ms, WATCHDOG=1 every "
                        + Watchdog.pingEvery(i).toMillis()
                        + " ms while the scheduler responds")
            .orElse(""));
  }

  @Override
  public void reloading() {
    // HotSpot's nanoTime is CLOCK_MONOTONIC on Linux, the clock systemd compares this with.
    notifier.send(
        "RELOADING=1\nMONOTONIC_USEC="
            + System.nanoTime() / 1000
            + "\nSTATUS=Reloading the job file");
  }

  /** Ends the {@code RELOADING=1} of {@link #reloading()}; a daemon that is stopping stays so. */
  @Override
  public void loaded(ReloadOutcome outcome) {
    if (outcome.initial() || stopping) {
      return;
    }
    notifier.send("READY=1\nSTATUS=" + currentStatus());
  }

  @Override
  public void stopping(String reason, Duration grace) {
    stopping = true;
    notifier.send("STOPPING=1\nSTATUS=Stopping on " + reason + ": letting running tasks finish");
  }

  private void refreshStatus() {
    if (stopping) {
      return;
    }
    try {
      String now = status.get();
      boolean changed;
      synchronized (this) {
        changed = !now.equals(lastStatus);
        lastStatus = now;
      }
      if (changed) {
        notifier.send("STATUS=" + now);
      }
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log and carry on.
      log.error("cannot refresh the systemd status line", e);
    }
  }

  private void pingIfAlive(Duration patience) {
    try {
      if (stopping || liveness.isAlive(patience)) {
        notifier.send("WATCHDOG=1");
      } else {
        log.warn(
            "the scheduler did not answer within {} ms; WATCHDOG=1 withheld, so systemd restarts"
                + " hypernd if this goes on",
            patience.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("watchdog check failed; WATCHDOG=1 withheld", e);
    }
  }

  private synchronized String currentStatus() {
    lastStatus = status.get();
    return lastStatus;
  }

  /** Stops the refresh and watchdog thread and closes the socket. */
  @Override
  public void close() {
    timer.shutdownNow();
    notifier.close();
  }
}
