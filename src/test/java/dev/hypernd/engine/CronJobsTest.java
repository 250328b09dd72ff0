package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.cron.CronParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cron jobs through the engine: counted fires and no double or lost fires across DST. */
class CronJobsTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private ManualScheduler startingAt(String instant) {
    ManualScheduler m = new ManualScheduler();
    m.clock.advance(Duration.between(ManualScheduler.START, Instant.parse(instant)));
    return m;
  }

  private static List<String> local(List<Instant> fires) {
    List<String> out = new ArrayList<>();
    fires.forEach(i -> out.add(ZonedDateTime.ofInstant(i, NEW_YORK).toOffsetDateTime().toString()));
    return out;
  }

  @Test
  void fixedTimeJobRunsOnceAcrossFallBack() {
    ManualScheduler m = startingAt("2026-10-31T12:00:00Z");
    List<Instant> fires = new ArrayList<>();
    m.scheduler.cron("backup", "30 1 * * *", NEW_YORK, ctx -> fires.add(ctx.scheduledAt()));
    m.scheduler.start();

    m.tick(Duration.ofDays(2));

    assertThat(local(fires)).containsExactly("2026-11-01T01:30-04:00", "2026-11-02T01:30-05:00");
    assertThat(m.scheduler.getMetrics()).containsEntry("total_submitted", 2L);
  }

  @Test
  void fixedTimeJobInTheSpringGapRunsOnceAfterIt() {
    ManualScheduler m = startingAt("2026-03-07T12:00:00Z");
    List<Instant> fires = new ArrayList<>();
    m.scheduler.cron("backup", "30 2 * * *", NEW_YORK, ctx -> fires.add(ctx.scheduledAt()));
    m.scheduler.start();

    m.tick(Duration.ofDays(2));

    assertThat(local(fires)).containsExactly("2026-03-08T03:00-04:00", "2026-03-09T02:30-04:00");
  }

  @Test
  void wildcardJobRunsInBothPassesOfTheRepeatedHour() {
    ManualScheduler m = startingAt("2026-11-01T04:50:00Z"); // 00:50 EDT
    List<Instant> fires = new ArrayList<>();
    m.scheduler.cron("sweep", "*/30 * * * *", NEW_YORK, ctx -> fires.add(ctx.scheduledAt()));
    m.scheduler.start();

    m.tick(Duration.ofHours(3));

    assertThat(local(fires))
        .containsExactly(
            "2026-11-01T01:00-04:00",
            "2026-11-01T01:30-04:00",
            "2026-11-01T01:00-05:00",
            "2026-11-01T01:30-05:00",
            "2026-11-01T02:00-05:00",
            "2026-11-01T02:30-05:00");
  }

  @Test
  void dayOfMonthAndDayOfWeekCombineByCroniesRule() {
    ManualScheduler m = startingAt("2026-05-31T00:00:00Z");
    List<Instant> fires = new ArrayList<>();
    m.scheduler.cron(
        "report", "30 4 1,15 * 5", ZoneId.of("UTC"), ctx -> fires.add(ctx.scheduledAt()));
    m.scheduler.start();

    m.tick(Duration.ofDays(30));

    // June 2026: the 1st, the 15th and every Friday (5, 12, 19, 26).
    assertThat(fires)
        .extracting(i -> i.atZone(ZoneId.of("UTC")).getDayOfMonth())
        .containsExactly(1, 5, 12, 15, 19, 26);
  }

  @Test
  void invalidCronIsRejectedAtRegistration() {
    ManualScheduler m = new ManualScheduler();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> m.scheduler.cron("never", "0 0 30 2 *", ZoneId.of("UTC"), ctx -> null))
        .isInstanceOf(CronParseException.class);
    assertThat(m.scheduler.jobs()).isEmpty();
  }
}
