package dev.hypernd.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * {@code --delay} and {@code --timeout} values as job files write durations: {@code 30s}, {@code
 * 5m}, {@code 1h30m}, {@code 1d}, {@code 500ms}, or a number of seconds. The job file's parser
 * lives in the jobs layer, which hypernctl must not load (design §2: cli depends on control only),
 * so this is a second reading of the same grammar; a test holds the two to the same answers.
 */
final class DurationText implements CommandLine.ITypeConverter<Duration> {
  private static final Pattern UNITS =
      Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");
  private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");
  private static final long[] NANOS = {
    86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L
  };
  private static final String EXPECTED = "expected a duration such as 30s, 5m, 1h30m or 90";

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  static Duration parse(String text) {
    String s = text.strip();
    BigInteger nanos;
    if (SECONDS.matcher(s).matches()) {
      BigDecimal n = new BigDecimal(s).movePointRight(9);
      if (n.stripTrailingZeros().scale() > 0) {
        throw problem(text, "a duration is precise to the nanosecond at most");
      }
      nanos = n.toBigIntegerExact();
    } else {
      Matcher m = UNITS.matcher(s);
      if (s.isEmpty() || !m.matches()) {
        throw problem(text, null);
      }
      nanos = BigInteger.ZERO;
      for (int unit = 0; unit < NANOS.length; unit++) {
        if (m.group(unit + 1) != null) {
          nanos =
              nanos.add(
                  new BigInteger(m.group(unit + 1)).multiply(BigInteger.valueOf(NANOS[unit])));
        }
      }
    }
    if (nanos.bitLength() > 63) {
      throw problem(text, "too large");
    }
    return Duration.ofNanos(nanos.longValueExact());
  }

  private static CommandLine.TypeConversionException problem(String text, String reason) {
    String found = EXPECTED + ", found \"" + text + "\"";
    return new CommandLine.TypeConversionException(reason == null ? found : reason + "; " + found);
  }
}
