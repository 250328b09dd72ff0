package dev.hypernd.jobs.config;

import java.util.Locale;

/** What a fire does while an earlier task of the same job is still running or retrying. */
public enum Overlap {
  /** The new fire is dropped and logged. */
  SKIP,
  /** Tasks run side by side. */
  ALLOW,
  /** The new task waits until the earlier one has finished. */
  QUEUE,
  /** The earlier task is cancelled and the new one runs. */
  REPLACE;

  /** The spelling used in job files. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
