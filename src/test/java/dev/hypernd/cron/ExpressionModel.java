package dev.hypernd.cron;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A generated cron expression: its text, and which values each field selects, computed by the
 * generator from the numbers it picked. The property tests use it as the independent truth about
 * what the text means; it shares no code with the parser.
 */
record ExpressionModel(Field minute, Field hour, Field dayOfMonth, Field month, Field dayOfWeek) {

  /** One field: its text and the selected values as bits (day-of-week: 0-6, Sunday 0). */
  record Field(String text, long values) {
    boolean startsWithStar() {
      return text.charAt(0) == '*';
    }

    boolean has(int value) {
      return (values & (1L << value)) != 0;
    }
  }

  String text() {
    return String.join(" ", minute.text, hour.text, dayOfMonth.text, month.text, dayOfWeek.text);
  }

  boolean fixedTime() {
    return !minute.startsWithStar() && !hour.startsWithStar();
  }

  boolean matches(LocalDateTime time) {
    return minute.has(time.getMinute())
        && hour.has(time.getHour())
        && month.has(time.getMonthValue())
        && dayMatches(time.getDayOfMonth(), time.getDayOfWeek().getValue() % 7);
  }

  private boolean dayMatches(int day, int weekday) {
    if (dayOfMonth.startsWithStar() || dayOfWeek.startsWithStar()) {
      return dayOfMonth.has(day) && dayOfWeek.has(weekday);
    }
    return dayOfMonth.has(day) || dayOfWeek.has(weekday);
  }

  /**
   * Whether any date ever matches. With either-rule the weekdays alone make it fire; with
   * both-rule, every month-and-day falls on every weekday over the years, so the question is only
   * whether a selected day exists in a selected month (February counting its 29th).
   */
  boolean canEverFire() {
    if (!dayOfMonth.startsWithStar() && !dayOfWeek.startsWithStar()) {
      return true;
    }
    for (int m = 1; m <= 12; m++) {
      int longest = LocalDate.of(2000, m, 1).lengthOfMonth();
      for (int d = 1; d <= longest; d++) {
        if (month.has(m) && dayOfMonth.has(d)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return '"' + text() + '"';
  }
}
