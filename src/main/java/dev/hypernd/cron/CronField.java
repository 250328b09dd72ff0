package dev.hypernd.cron;

import java.util.List;
import java.util.Locale;

/** The five fields of a cron expression: their ranges, names, and examples for error messages. */
enum CronField {
  MINUTE("minute", 0, 59, List.of(), "\"0\", \"*/15\", \"0,30\", \"10-50/5\""),
  HOUR("hour", 0, 23, List.of(), "\"3\", \"*/2\", \"9-17\", \"0,12\""),
  DAY_OF_MONTH("day-of-month", 1, 31, List.of(), "\"1\", \"1,15\", \"*/2\", \"10-20\""),
  MONTH(
      "month",
      1,
      12,
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
      "\"1\", \"jan\", \"*/3\", \"jun-aug\", \"1,7\""),
  // 7 is accepted as a second Sunday, as in every Vixie-derived cron.
  DAY_OF_WEEK(
      "day-of-week",
      0,
      7,
      List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat"),
      "\"1\", \"mon-fri\", \"sat,sun\", \"fri-sun\", \"*/2\"");

  private final String label;
  private final int min;
  private final int max;
  private final List<String> names;
  private final String examples;

  CronField(String label, int min, int max, List<String> names, String examples) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.names = names;
    this.examples = examples;
  }

  /** The name used in error messages and in {@link CronParseException#field()}. */
  String label() {
    return label;
  }

  int min() {
    return min;
  }

  int max() {
    return max;
  }

  boolean hasNames() {
    return !names.isEmpty();
  }

  /** The value of a three-letter name, case-insensitive, or -1 when it is not a name here. */
  int valueOfName(String name) {
    int index = names.indexOf(name.toLowerCase(Locale.ROOT));
    return index < 0 ? -1 : index + min;
  }

  /** A human description of the allowed values, for error messages. */
  String allowedValues() {
    String range = min + "-" + max;
    if (names.isEmpty()) {
      return range;
    }
    return range + " or " + names.get(0) + "-" + names.get(names.size() - 1);
  }

  /** Valid forms for this field, already quoted, for the end of an error message. */
  String examples() {
    return examples;
  }
}
