package dev.hypernd.cron;

/**
 * Proleptic Gregorian date arithmetic on primitive values, so that the next-fire search neither
 * allocates nor goes through {@code LocalDate}'s range checks. The algorithms are Howard Hinnant's
 * {@code days_from_civil} and {@code civil_from_days}, valid for any {@code int} year.
 */
final class CivilCalendar {
  static final long SECONDS_PER_DAY = 86_400;
  private static final long DAYS_0000_TO_1970 = 719_468;
  private static final long DAYS_PER_ERA = 146_097;

  private CivilCalendar() {}

  /** Days since 1970-01-01 of the given date; {@code month} is 1-12, {@code day} 1-31. */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? (long) year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    int shiftedMonth = month > 2 ? month - 3 : month + 9;
    long dayOfYear = (153L * shiftedMonth + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * DAYS_PER_ERA + dayOfEra - DAYS_0000_TO_1970;
  }

  /**
   * The date of an epoch day packed into one long (see {@link #year}, {@link #month}, {@link
   * #day}); packing avoids allocating a result object in the hot path.
   */
  static long civilFromEpochDay(long epochDay) {
    long z = epochDay + DAYS_0000_TO_1970;
    long era = Math.floorDiv(z, DAYS_PER_ERA);
    long dayOfEra = z - era * DAYS_PER_ERA;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long shiftedMonth = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return (year << 9) | (month << 5) | day;
  }

  static int year(long civil) {
    return (int) (civil >> 9);
  }

  static int month(long civil) {
    return (int) ((civil >> 5) & 0xF);
  }

  static int day(long civil) {
    return (int) (civil & 0x1F);
  }

  static boolean isLeapYear(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return isLeapYear(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Day of week of an epoch day, 0 = Sunday as in cron; 1970-01-01 was a Thursday. */
  static int dayOfWeek(long epochDay) {
    return (int) Math.floorMod(epochDay + 4, 7L);
  }
}
