package dev.hypernd.daemon;

import java.time.Duration;

/**
 * Durations for a terminal line: {@code 250ms} below a second, {@code 2.5s} below a minute (tenths
 * only where they say something), then whole units from the largest, such as {@code 1m5s}, {@code
 * 2h30m} or {@code 3d4h}; never more precise than people read.
 */
final class DurationWords {
  private DurationWords() {}

  static String of(Duration d) {
    long ms = Math.max(0, d.toMillis());
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      long tenths = ms / 100;
      return tenths % 10 == 0 ? tenths / 10 + "s" : tenths / 10 + "." + tenths % 10 + "s";
    }
    long seconds = ms / 1000;
    long days = seconds / 86_400;
    long hours = seconds / 3600 % 24;
    long minutes = seconds / 60 % 60;
    long secs = seconds % 60;
    if (days > 0) {
      return days + "d" + (hours > 0 ? hours + "h" : "");
    }
    if (hours > 0) {
      return hours + "h" + (minutes > 0 ? minutes + "m" : "");
    }
    return minutes + "m" + (secs > 0 ? secs + "s" : "");
  }
}
