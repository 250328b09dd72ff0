package dev.hypernd.cron;

import java.util.Locale;

/** The {@code @} shorthands of Vixie cron and the five-field expressions they stand for. */
enum Macro {
  YEARLY("0 0 1 1 *"),
  ANNUALLY("0 0 1 1 *"),
  MONTHLY("0 0 1 * *"),
  WEEKLY("0 0 * * 0"),
  DAILY("0 0 * * *"),
  MIDNIGHT("0 0 * * *"),
  // The hour field starts with '*', so @hourly is a wildcard job, as in cronie.
  HOURLY("0 * * * *");

  private final String fields;

  Macro(String fields) {
    this.fields = fields;
  }

  String fields() {
    return fields;
  }

  /** The macro named by {@code token} (with its '@', any case), or null. */
  static Macro named(String token) {
    String name = token.substring(1).toUpperCase(Locale.ROOT);
    for (Macro macro : values()) {
      if (macro.name().equals(name)) {
        return macro;
      }
    }
    return null;
  }
}
