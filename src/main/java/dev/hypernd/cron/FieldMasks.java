package dev.hypernd.cron;

/**
 * The parsed fields of an expression as bit masks (bit {@code v} set when value {@code v} is
 * selected; day-of-week uses bits 0-6 with 0 = Sunday), plus the first-character flags that decide
 * how day-of-month and day-of-week combine.
 */
record FieldMasks(
    long minutes,
    int hours,
    int daysOfMonth,
    int months,
    int daysOfWeek,
    boolean dayOfMonthStar,
    boolean dayOfWeekStar) {}
