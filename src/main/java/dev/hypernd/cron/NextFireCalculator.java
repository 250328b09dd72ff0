package dev.hypernd.cron;

import static dev.hypernd.cron.CivilCalendar.SECONDS_PER_DAY;

/**
 * Finds the next local date-time whose fields all match, jumping month by month, then day, hour and
 * minute with "next set bit" lookups in the field masks. Local times are counted in seconds since
 * 1970-01-01T00:00 on the wall clock, without any zone; {@link DstResolver} maps them to instants.
 */
final class NextFireCalculator {
  /** Returned when no local time up to the end of year {@value #MAX_YEAR} matches. */
  static final long NO_MATCH = Long.MAX_VALUE;

  static final int MAX_YEAR = 9999;

  private final long minutes;
  private final int hours;
  private final int months;
  private final DayMatcher days;
  private final int firstMonth;
  private final int firstMinuteOfDay;

  NextFireCalculator(FieldMasks masks) {
    this.minutes = masks.minutes();
    this.hours = masks.hours();
    this.months = masks.months();
    this.days = new DayMatcher(masks);
    this.firstMonth = Bits.next(months, 0);
    this.firstMinuteOfDay = Bits.next(hours, 0) * 60 + Bits.next(minutes, 0);
  }

  /**
   * The earliest matching local time at or after {@code localSecond}, in local epoch seconds (a
   * whole minute), or {@link #NO_MATCH}.
   */
  long nextMatch(long localSecond) {
    long start = Math.floorDiv(localSecond, 60) * 60;
    if (start < localSecond) {
      start += 60;
    }
    long epochDay = Math.floorDiv(start, SECONDS_PER_DAY);
    int minuteOfDay = (int) ((start - epochDay * SECONDS_PER_DAY) / 60);
    long civil = CivilCalendar.civilFromEpochDay(epochDay);
    int year = CivilCalendar.year(civil);
    int month = CivilCalendar.month(civil);
    int day = CivilCalendar.day(civil);
    // Known without another date conversion until the search leaves the starting month.
    long firstOfMonth = epochDay - day + 1;
    while (year <= MAX_YEAR) {
      if ((months & (1 << month)) == 0) {
        month = Bits.next(months, month + 1);
        if (month < 0) {
          year++;
          month = firstMonth;
        }
        day = 1;
        minuteOfDay = 0;
        firstOfMonth = CivilCalendar.epochDay(year, month, 1);
        continue;
      }
      int selected =
          days.matchingDays(
              CivilCalendar.lengthOfMonth(year, month), CivilCalendar.dayOfWeek(firstOfMonth));
      int matchDay = Bits.next(selected, day);
      if (matchDay == day) {
        int time = nextMinuteOfDay(minuteOfDay);
        if (time >= 0) {
          return (firstOfMonth + matchDay - 1) * SECONDS_PER_DAY + time * 60L;
        }
        matchDay = Bits.next(selected, day + 1);
      }
      if (matchDay >= 0) {
        return (firstOfMonth + matchDay - 1) * SECONDS_PER_DAY + firstMinuteOfDay * 60L;
      }
      firstOfMonth += CivilCalendar.lengthOfMonth(year, month);
      if (++month > 12) {
        month = 1;
        year++;
      }
      day = 1;
      minuteOfDay = 0;
    }
    return NO_MATCH;
  }

  /** The first matching minute of a day at or after {@code minuteOfDay}, or -1. */
  private int nextMinuteOfDay(int minuteOfDay) {
    int hour = minuteOfDay / 60;
    if ((hours & (1 << hour)) != 0) {
      int minute = Bits.next(minutes, minuteOfDay % 60);
      if (minute >= 0) {
        return hour * 60 + minute;
      }
    }
    int nextHour = Bits.next(hours, hour + 1);
    return nextHour < 0 ? -1 : nextHour * 60 + Bits.next(minutes, 0);
  }
}
