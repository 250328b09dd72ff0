package dev.hypernd.jobs.config;

import java.util.Locale;

/** What becomes of the lines a command job writes, besides the capture kept in its result. */
public enum OutputMode {
  /** Each line is logged as a {@code task.output} event and can be followed with hypernctl logs. */
  LOG,
  /** Lines are neither logged nor held; the result still keeps the captured head and tail. */
  DISCARD;

  /** The spelling used in job files. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
