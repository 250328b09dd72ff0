package dev.hypernd.jobs.shell;

/**
 * How much of a process's output is passed on line by line: lines longer than {@code maxLineBytes}
 * are cut, and a token bucket lets {@code burst} lines through at once and then {@code perSecond}
 * lines a second, shared by stdout and stderr. The lines left out are counted and reported at most
 * once a second per stream, and when the stream ends.
 *
 * @param maxLineBytes longest line passed whole, in bytes of UTF-8
 * @param burst lines passed before the steady rate applies
 * @param perSecond lines a second after the burst
 */
public record OutputLimits(int maxLineBytes, int burst, int perSecond) {

  /** 4 KiB lines; a burst of 1000 lines, then 100 lines a second. */
  public static final OutputLimits DEFAULTS = new OutputLimits(4096, 1000, 100);

  /** Validates every limit. */
  public OutputLimits {
    if (maxLineBytes < 16) {
      throw new IllegalArgumentException("maxLineBytes (" + maxLineBytes + ") must be at least 16");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst (" + burst + ") must be positive");
    }
    if (perSecond < 1) {
      throw new IllegalArgumentException("perSecond (" + perSecond + ") must be positive");
    }
  }
}
