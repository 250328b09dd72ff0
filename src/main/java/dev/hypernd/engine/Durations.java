package dev.hypernd.engine;

import java.time.Duration;

/** Durations as people write them in job files: {@code 1h30m}, {@code 45s}, {@code 250ms}. */
public final class Durations {
  private Durations() {}

  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long hours = d.toHours();
    int minutes = d.toMinutesPart();
    int seconds = d.toSecondsPart();
    int millis = d.toMillisPart();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes).append('m');
    }
    if (seconds > 0) {
      out.append(seconds).append('s');
    }
    if (millis > 0) {
      out.append(millis).append("ms");
    }
    return out.length() == 0 ? d.toNanos() + "ns" : out.toString();
  }
}
