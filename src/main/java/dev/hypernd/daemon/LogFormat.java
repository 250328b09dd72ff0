package dev.hypernd.daemon;

import java.util.Locale;
import picocli.CommandLine;

/** How {@code hypernd run} writes its log to stdout. */
public enum LogFormat {
  /** One JSON object per line, for journald, Loki, Elasticsearch and scripts. */
  JSON,
  /** One human-readable line per event: time, level, event and its fields as {@code key=value}. */
  TEXT;

  /** Reads {@code json} or {@code text}, in any case. */
  static final class Converter implements CommandLine.ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
      try {
        return LogFormat.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "expected json or text, found '" + value + "'");
      }
    }
  }
}
