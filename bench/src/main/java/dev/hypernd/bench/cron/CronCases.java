package dev.hypernd.bench.cron;

import java.time.Instant;
import java.util.List;

/** The fixed mix of expressions and start instants; changing it changes every figure. */
final class CronCases {
  private CronCases() {}

  static final List<CronCase> CASES =
      List.of(
          CronCase.of("*/5 * * * *", "UTC", "step over a wildcard"),
          CronCase.of("0 * * * *", "America/New_York", "hourly, wildcard hour across DST"),
          CronCase.of("30 4 * * *", "Europe/London", "fixed daily time"),
          CronCase.of("0 9-17 * * MON-FRI", "America/New_York", "hour range, weekday names"),
          CronCase.of("15,45 8,12,18 * * *", "UTC", "lists"),
          CronCase.of("0 0 1 * *", "UTC", "monthly"),
          CronCase.of("0 0 29 2 *", "UTC", "leap day"),
          CronCase.of("0 12 29 2 *", "America/New_York", "leap day in a DST zone"),
          CronCase.of("30 4 1,15 * 5", "UTC", "day rule: 1st, 15th or any Friday (OR)"),
          CronCase.withQuartz(
              "0 0 1-7 * */7",
              "UTC",
              "0 0 0 ? * SUN#1",
              "day rule: first Sunday (dow starts with '*': AND)"),
          CronCase.of("30 2 * * *", "America/New_York", "fixed time in the spring-forward gap"),
          CronCase.of("30 1 * * *", "America/New_York", "fixed time in the fall-back overlap"),
          CronCase.of("*/15 1-3 * * *", "Europe/London", "wildcard minutes across both changes"),
          CronCase.of("0 2 * * SUN", "Australia/Lord_Howe", "30-minute DST change at 02:00"),
          CronCase.of("*/10 * * * *", "Australia/Lord_Howe", "wildcard in a 30-minute DST zone"),
          CronCase.of("45 23 31 12 *", "UTC", "once a year, year end"),
          CronCase.of("0 0 31 * *", "UTC", "31st: only long months"),
          CronCase.of("0 6 * JAN,APR,JUL,OCT MON", "UTC", "month names and a weekday"),
          CronCase.of("5 4 * * SUN", "Europe/London", "weekly"),
          CronCase.of("0 22 * * 1-5", "America/New_York", "numeric weekday range"),
          CronCase.of("23 0-20/2 * * *", "UTC", "range with a step"),
          CronCase.of("0 0 * * 6,0", "UTC", "weekend, Sunday as 0"),
          CronCase.of("0 0 * * *", "America/New_York", "midnight"),
          CronCase.of("0 12 1 1 *", "Europe/London", "new year's day"),
          CronCase.of("59 23 28-31 * *", "UTC", "last days of the month"),
          CronCase.of("0 0 13 * 5", "UTC", "day rule: the 13th or any Friday (OR)"));

  /** Start instants: ordinary days, leap-year edges and the hours around each DST change. */
  static final List<Instant> STARTS =
      List.of(
          Instant.parse("2024-01-15T10:17:23Z"),
          Instant.parse("2024-02-28T23:59:59Z"),
          Instant.parse("2024-03-10T06:30:00Z"), // 01:30 EST, 30 min before New York springs
          Instant.parse("2024-03-31T00:45:00Z"), // 15 min before London springs forward
          Instant.parse("2024-04-06T14:50:00Z"), // 01:50 Lord Howe, before it falls back
          Instant.parse("2024-10-05T14:50:00Z"), // 01:50 Lord Howe, before it springs
          Instant.parse("2024-11-03T05:10:00Z"), // 01:10 EDT, before New York falls back
          Instant.parse("2025-06-30T23:59:30Z"),
          Instant.parse("2025-12-31T23:50:00Z"));

  static int pairs() {
    return CASES.size() * STARTS.size();
  }
}
