package dev.hypernd.cron;

/**
 * Parses one field of a cron expression ({@code *}, {@code n}, {@code n-m}, {@code *}{@code /s},
 * {@code n-m/s} and comma lists of those) into a bit mask with bit {@code v} set for each selected
 * value {@code v}. Errors carry the column in the whole input, so the parser works on index ranges
 * of that input rather than on substrings.
 */
final class FieldParser {
  private static final int SUNDAY_AS_SEVEN = 7;
  // Longer numbers are out of range for every field; the cap keeps Integer.parseInt safe.
  private static final int MAX_VALUE_DIGITS = 3;
  private static final int MAX_STEP_DIGITS = 9;

  private final CronField field;
  private final String input;

  private FieldParser(CronField field, String input) {
    this.field = field;
    this.input = input;
  }

  /**
   * The mask of the field written at {@code input[start, end)}. In day-of-week, 7 is folded into 0,
   * so only bits 0-6 are ever set.
   */
  static long parse(CronField field, String input, int start, int end) {
    return new FieldParser(field, input).parseList(start, end);
  }

  private long parseList(int start, int end) {
    long mask = 0;
    int itemStart = start;
    while (true) {
      int comma = indexOf(',', itemStart, end);
      int itemEnd = comma < 0 ? end : comma;
      if (itemEnd == itemStart) {
        throw error(
            start,
            end,
            "empty list item at column "
                + (itemStart + 1)
                + "; commas must separate values, as in 0,30");
      }
      mask |= parseItem(itemStart, itemEnd);
      if (comma < 0) {
        break;
      }
      itemStart = comma + 1;
    }
    if (field == CronField.DAY_OF_WEEK && (mask & (1L << SUNDAY_AS_SEVEN)) != 0) {
      mask = (mask & ~(1L << SUNDAY_AS_SEVEN)) | 1L;
    }
    return mask;
  }

  private long parseItem(int start, int end) {
    int slash = indexOf('/', start, end);
    int rangeEnd = slash < 0 ? end : slash;
    int low;
    int high;
    if (rangeEnd - start == 1 && input.charAt(start) == '*') {
      low = field.min();
      high = field.max();
    } else if (rangeEnd == start) {
      throw error(start, end, "a step needs '*' or a range before the slash, as in */15");
    } else {
      int dash = indexOf('-', start, rangeEnd);
      if (dash < 0) {
        low = value(start, rangeEnd);
        high = low;
        if (slash >= 0) {
          String step = input.substring(slash + 1, end);
          throw error(
              start,
              end,
              "a step needs '*' or a range before the slash (write */"
                  + step
                  + " or "
                  + low
                  + "-"
                  + field.max()
                  + "/"
                  + step
                  + ")");
        }
      } else {
        if (dash == start) {
          throw error(start, rangeEnd, "the range has no start value");
        }
        if (dash + 1 == rangeEnd) {
          throw error(start, rangeEnd, "the range has no end value");
        }
        low = value(start, dash);
        high = value(dash + 1, rangeEnd);
        if (field == CronField.DAY_OF_WEEK && high == 0 && low > 0) {
          // "fri-sun" and "5-0" mean up to Sunday at the end of the week.
          high = SUNDAY_AS_SEVEN;
        }
        if (low > high) {
          throw error(
              start,
              rangeEnd,
              "the range runs backwards; write the smaller value first, and to wrap around use"
                  + " a list of two ranges");
        }
      }
    }
    int step = slash < 0 ? 1 : step(slash + 1, end, start);
    long mask = 0;
    for (int v = low; v <= high; v += step) {
      mask |= 1L << v;
    }
    return mask;
  }

  private int value(int start, int end) {
    String token = input.substring(start, end);
    if (isAll(token, true)) {
      int value = token.length() > MAX_VALUE_DIGITS ? Integer.MAX_VALUE : Integer.parseInt(token);
      if (value < field.min() || value > field.max()) {
        throw error(
            start, end, "out of range, " + field.label() + " takes " + field.allowedValues());
      }
      return value;
    }
    if (isAll(token, false) && field.hasNames()) {
      int value = field.valueOfName(token);
      if (value < 0) {
        throw error(
            start, end, "unknown name, " + field.label() + " takes " + field.allowedValues());
      }
      return value;
    }
    throw error(
        start, end, "not a valid value, " + field.label() + " takes " + field.allowedValues());
  }

  private int step(int start, int end, int itemStart) {
    if (start == end) {
      throw error(itemStart, end, "the step after '/' is missing");
    }
    String token = input.substring(start, end);
    if (!isAll(token, true) || token.length() > MAX_STEP_DIGITS) {
      throw error(start, end, "a step must be a whole number of at least 1");
    }
    int step = Integer.parseInt(token);
    if (step == 0) {
      throw error(start, end, "a step of 0 would never advance; use 1 or more");
    }
    return step;
  }

  private CronParseException error(int start, int end, String reason) {
    return CronParseException.inField(field, input.substring(start, end), start, reason);
  }

  private int indexOf(char c, int from, int to) {
    int index = input.indexOf(c, from);
    return index < 0 || index >= to ? -1 : index;
  }

  private static boolean isAll(String token, boolean digits) {
    if (token.isEmpty()) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean ok = digits ? c >= '0' && c <= '9' : (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
