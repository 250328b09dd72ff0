package dev.hypernd.jobs.shell;

import java.util.Locale;

/** Which of a process's output streams a line came from. */
public enum StdStream {
  STDOUT,
  STDERR;

  /** {@code stdout} or {@code stderr}, as the log's {@code stream} field spells it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
