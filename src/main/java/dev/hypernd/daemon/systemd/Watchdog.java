package dev.hypernd.daemon.systemd;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The watchdog systemd asks for with {@code WatchdogSec=}, as sd_watchdog_enabled(3) reads it. */
final class Watchdog {
  private Watchdog() {}

  /**
   * The watchdog interval from {@code $WATCHDOG_USEC}, when it is a positive number and {@code
   * $WATCHDOG_PID} is unset or is {@code pid}; empty otherwise (no watchdog, or one meant for
   * another process).
   */
  static Optional<Duration> interval(Map<String, String> env, long pid) {
    String usec = env.get("WATCHDOG_USEC");
    if (usec == null) {
      return Optional.empty();
    }
    String forPid = env.get("WATCHDOG_PID");
    try {
      if (forPid != null && !forPid.isEmpty() && Long.parseLong(forPid.trim()) != pid) {
        return Optional.empty();
      }
      long micros = Long.parseLong(usec.trim());
      return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1000)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** How often to ping: half the interval, as sd_watchdog_enabled(3) recommends. */
  static Duration pingEvery(Duration interval) {
    return interval.dividedBy(2);
  }

  /**
   * How long a liveness check may take and how recently the dispatch loop must have turned: half
   * the interval, but at least 2 s (the loop turns once a second when idle) and at most 10 s.
   */
  static Duration patience(Duration interval) {
    Duration half = interval.dividedBy(2);
    Duration min = Duration.ofSeconds(2);
    Duration max = Duration.ofSeconds(10);
    return half.compareTo(min) < 0 ? min : half.compareTo(max) > 0 ? max : half;
  }
}
