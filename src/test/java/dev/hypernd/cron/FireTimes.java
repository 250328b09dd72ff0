package dev.hypernd.cron;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Helpers shared by the table tests: chaining fire times and reading expected ones. */
final class FireTimes {
  private FireTimes() {}

  /**
   * Up to {@code count} fires chained from {@code from}, an instant repeated as often as the
   * schedule fires then ({@link CronSchedule#occurrencesAt}); shorter if the schedule runs out.
   */
  static List<Instant> chain(CronSchedule schedule, Instant from, int count) {
    List<Instant> fires = new ArrayList<>();
    Instant after = from;
    while (fires.size() < count) {
      Optional<Instant> next = schedule.nextAfter(after);
      if (next.isEmpty()) {
        break;
      }
      after = next.get();
      for (int i = schedule.occurrencesAt(after); i > 0 && fires.size() < count; i--) {
        fires.add(after);
      }
    }
    return fires;
  }

  /** Space-separated ISO-8601 offset date-times (or instants ending in Z) as instants. */
  static List<Instant> parse(String expected) {
    return Arrays.stream(expected.trim().split("\\s+"))
        .map(text -> OffsetDateTime.parse(text).toInstant())
        .toList();
  }
}
