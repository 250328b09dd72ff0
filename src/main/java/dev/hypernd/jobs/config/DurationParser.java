package dev.hypernd.jobs.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

/**
 * Durations as people write them in job files: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2h},
 * {@code 1d}, {@code 500ms}, units from largest to smallest, each at most once; or a plain number
 * of seconds ({@code 90}, {@code 1.5}). Units are {@code d h m s ms}, lower case because {@code M}
 * would read as months. The largest duration is what fits in a {@code long} of nanoseconds (about
 * 292 years), so that callers can use {@link Duration#toNanos()} safely.
 */
public final class DurationParser {
  static final String EXPECTED =
      "expected a duration such as 30s, 5m, 1h30m or a number of seconds";

  private record Unit(String symbol, long nanos) {}

  private static final List<Unit> UNITS =
      List.of(
          new Unit("d", 86_400_000_000_000L),
          new Unit("h", 3_600_000_000_000L),
          new Unit("m", 60_000_000_000L),
          new Unit("s", 1_000_000_000L),
          new Unit("ms", 1_000_000L));

  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private DurationParser() {}

  /**
   * @throws IllegalArgumentException naming the text found and the accepted forms
   */
  public static Duration parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(EXPECTED + ", found an empty value");
    }
    if (trimmed.startsWith("-")) {
      throw problem("a duration cannot be negative", text);
    }
    BigInteger nanos =
        trimmed.matches("[0-9]+(\\.[0-9]+)?")
            ? secondsToNanos(trimmed, text)
            : unitsToNanos(trimmed, text);
    if (nanos.compareTo(MAX_NANOS) > 0) {
      throw new IllegalArgumentException(
          "duration \"" + text + "\" is too large; the maximum is 106751d (about 292 years)");
    }
    return Duration.ofNanos(nanos.longValueExact());
  }

  /** The shortest form {@link #parse} reads back as the same duration, e.g. {@code 1h30m}. */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration (" + duration + ") must not be negative");
    }
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    if (nanos % 1_000_000L != 0) {
      return new BigDecimal(nanos).divide(NANOS_PER_SECOND).stripTrailingZeros().toPlainString();
    }
    StringBuilder out = new StringBuilder();
    for (Unit unit : UNITS) {
      long count = nanos / unit.nanos();
      if (count > 0) {
        out.append(count).append(unit.symbol());
        nanos -= count * unit.nanos();
      }
    }
    return out.toString();
  }

  private static BigInteger secondsToNanos(String seconds, String text) {
    BigDecimal nanos = new BigDecimal(seconds).multiply(NANOS_PER_SECOND);
    if (nanos.stripTrailingZeros().scale() > 0) {
      throw problem("a duration is precise to the nanosecond at most", text);
    }
    return nanos.toBigIntegerExact();
  }

  private static BigInteger unitsToNanos(String spec, String text) {
    BigInteger total = BigInteger.ZERO;
    int nextUnit = 0;
    int pos = 0;
    while (pos < spec.length()) {
      int digitsEnd = skip(spec, pos, true);
      int unitEnd = skip(spec, digitsEnd, false);
      if (digitsEnd == pos || unitEnd == digitsEnd) {
        throw problem(null, text);
      }
      String symbol = spec.substring(digitsEnd, unitEnd);
      int index = indexOf(symbol);
      if (index < 0) {
        throw problem("unknown unit \"" + symbol + "\" (units are d, h, m, s, ms)", text);
      }
      if (index < nextUnit) {
        throw problem("units must go from largest to smallest, each at most once", text);
      }
      BigInteger count = new BigInteger(spec.substring(pos, digitsEnd));
      total = total.add(count.multiply(BigInteger.valueOf(UNITS.get(index).nanos())));
      nextUnit = index + 1;
      pos = unitEnd;
    }
    return total;
  }

  private static int skip(String s, int from, boolean digits) {
    int i = from;
    while (i < s.length() && (digits ? isDigit(s.charAt(i)) : isLowerLetter(s.charAt(i)))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLowerLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static int indexOf(String symbol) {
    for (int i = 0; i < UNITS.size(); i++) {
      if (UNITS.get(i).symbol().equals(symbol)) {
        return i;
      }
    }
    return -1;
  }

  private static IllegalArgumentException problem(String reason, String text) {
    String found = EXPECTED + ", found \"" + text + "\"";
    return new IllegalArgumentException(reason == null ? found : reason + "; " + found);
  }
}
