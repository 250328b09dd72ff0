package dev.hypernd.daemon;

import dev.hypernd.jobs.config.DurationParser;
import java.time.Duration;
import picocli.CommandLine;

/** Command-line durations read as in job files: {@code 30s}, {@code 1m30s}, {@code 90}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return DurationParser.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
