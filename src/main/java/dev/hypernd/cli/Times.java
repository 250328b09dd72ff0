package dev.hypernd.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times and durations as people read them: {@code in 4m}, {@code 3s ago}, {@code 1.2s}. */
final class Times {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

  private Times() {}

  /** {@code in 4m}, {@code 3s ago}, or {@code now} within a second. */
  static String relative(Instant t, Instant now) {
    Duration d = Duration.between(now, t);
    if (d.abs().compareTo(Duration.ofSeconds(1)) < 0) {
      return "now";
    }
    String span = span(d.abs());
    return d.isNegative() ? span + " ago" : "in " + span;
  }

  /** At most two units, largest first: {@code 45s}, {@code 4m}, {@code 1h30m}, {@code 2d3h}. */
  static String span(Duration d) {
    long s = d.getSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return twoUnits(s / 60, "m", s % 60, "s");
    }
    if (s < 86_400) {
      return twoUnits(s / 3600, "h", s % 3600 / 60, "m");
    }
    return twoUnits(s / 86_400, "d", s % 86_400 / 3600, "h");
  }

  private static String twoUnits(long major, String majorUnit, long minor, String minorUnit) {
    return minor == 0 ? major + majorUnit : major + majorUnit + minor + minorUnit;
  }

  /** A task's duration: {@code 120ms}, {@code 2.5s}, {@code 1m5s}. */
  static String millis(long ms) {
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      long tenths = ms / 100;
      return tenths % 10 == 0 ? tenths / 10 + "s" : tenths / 10 + "." + tenths % 10 + "s";
    }
    return span(Duration.ofMillis(ms));
  }

  /** {@code 2026-01-05 10:00:00 +01:00} in the given zone. */
  static String local(Instant t, ZoneId zone) {
    return LOCAL.format(t.atZone(zone));
  }

  /**
   * ISO-8601 with offset and seconds, as {@code hypernd next}: {@code 2026-03-29T03:00:00+02:00}.
   */
  static String iso(Instant t, ZoneId zone) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        t.atZone(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS));
  }
}
