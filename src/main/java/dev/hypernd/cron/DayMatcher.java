package dev.hypernd.cron;

/**
 * Which days of a month an expression selects, under cronie's first-character rule: when neither
 * day-of-month nor day-of-week starts with {@code *}, a day matches if either field matches;
 * otherwise both must match.
 */
final class DayMatcher {
  private static final int[] DAYS_UP_TO = new int[32];

  static {
    for (int length = 0; length < DAYS_UP_TO.length; length++) {
      // Bits 1..length; computed in long because 1 << 32 wraps around in int.
      DAYS_UP_TO[length] = (int) ((1L << (length + 1)) - 2);
    }
  }

  // Index: weekday of the 1st of the month (0 = Sunday). Value: selected days as bits 1-31,
  // before cutting to the month's length. Seven tables cover every possible month layout.
  private final int[] daysByFirstWeekday = new int[7];

  DayMatcher(FieldMasks masks) {
    boolean eitherMatches = !masks.dayOfMonthStar() && !masks.dayOfWeekStar();
    for (int firstWeekday = 0; firstWeekday < 7; firstWeekday++) {
      int byWeekday = 0;
      for (int day = 1; day <= 31; day++) {
        if ((masks.daysOfWeek() & (1 << ((firstWeekday + day - 1) % 7))) != 0) {
          byWeekday |= 1 << day;
        }
      }
      daysByFirstWeekday[firstWeekday] =
          eitherMatches ? masks.daysOfMonth() | byWeekday : masks.daysOfMonth() & byWeekday;
    }
  }

  /** Selected days (bits 1..lengthOfMonth) of a month that starts on {@code firstWeekday}. */
  int matchingDays(int lengthOfMonth, int firstWeekday) {
    return daysByFirstWeekday[firstWeekday] & DAYS_UP_TO[lengthOfMonth];
  }

  /**
   * Whether some day of some selected month ever matches. Every combination of month, leap year and
   * weekday of the 1st occurs within the Gregorian 400-year cycle, so checking the seven layouts of
   * each month length is exact.
   */
  boolean canEverMatch(int months) {
    for (int month = Bits.next(months, 1); month >= 0; month = Bits.next(months, month + 1)) {
      int shortest = CivilCalendar.lengthOfMonth(2001, month);
      int longest = CivilCalendar.lengthOfMonth(2000, month);
      for (int firstWeekday = 0; firstWeekday < 7; firstWeekday++) {
        if (matchingDays(shortest, firstWeekday) != 0 || matchingDays(longest, firstWeekday) != 0) {
          return true;
        }
      }
    }
    return false;
  }
}
