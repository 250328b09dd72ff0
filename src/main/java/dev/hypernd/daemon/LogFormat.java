package dev.hypernd.daemon;

import java.util.Locale;
import picocli.CommandLine;

/** How {@code hypernd run} writes its log to stdout. */
public enum LogFormat {
  /** One JSON object per line, for journald, Loki, Elasticsearch and scripts. */
  JSON,
  /**
   * One short line per event for people at a terminal, such as {@code 22:57:25 backup sched-12
   * started (attempt 1)}; see {@link TextLayout}.
   */
  TEXT;

  /**
   * The format when {@code --log-format} is not given: text for a person at a terminal, JSON for
   * everything else that stdout may be (a file, a pipe, journald), where a program reads the lines.
   */
  static LogFormat byDefault(boolean stdoutIsTerminal) {
    return stdoutIsTerminal ? TEXT : JSON;
  }

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
