package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.cron.CronParseException;
import dev.hypernd.testing.ManualScheduler;
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
    m.clock().advance(Duration.between(ManualScheduler.START, Instant.parse(instant)));
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
    m.scheduler().cron("backup", "30 1 * * *", NEW_YORK, ctx -> fires.add(ctx.scheduledAt()));
    m.scheduler().start();

    m.tick(Duration.ofDays(2));

    assertThat(local(fires)).containsExactly("2026-11-01T01:30-04:00", "2026-11-02T01:30-05:00");
    assertThat(m.scheduler().getMetrics()).containsEntry("total_submitted", 2L);
  }

  @Test
  void fixedTimeJobInTheSpringGapRunsOnceAfterIt() {
    ManualScheduler m = startingAt("2026-03-07T12:00:00Z");
    List<Instant> fires = new ArrayList<>();
    m.scheduler().cron("backup", "30 2 * * *", NEW_YORK, ctx -> fires.add(ctx.scheduledAt()));
    m.scheduler().start();

    m.tick(Duration.ofDays(2));

    assertThat(local(fires)).containsExactly("2026-03-08T03:00-04:00", "2026-03-09T02:30-04:00");
  }

  /** {@code 15,45 1-3 * * *}: 02:15 and 02:45 do not exist on 8 March 2026 in New York. */
  private JobDefinition quarterPast(OverlapPolicy overlap, List<Instant> fires) {
    return JobDefinition.builder(
            "sync",
            JobSchedule.cron("15,45 1-3 * * *", NEW_YORK),
            ctx -> fires.add(ctx.scheduledAt()))
        .overlap(overlap)
        .build();
  }

  @Test
  void eachFixedTimeTheSpringGapSkipsFiresRightAfterItAsCronieRunsThem() {
    ManualScheduler m = startingAt("2026-03-08T05:00:00Z"); // 00:00 EST
    List<Instant> fires = new ArrayList<>();
    m.scheduler().schedule(quarterPast(OverlapPolicy.ALLOW, fires));
    m.scheduler().start();

    assertThat(local(m.scheduler().nextFires("sync", 6)))
        .as("next repeats the instant once per fire")
        .containsExactly(
            "2026-03-08T01:15-05:00",
            "2026-03-08T01:45-05:00",
            "2026-03-08T03:00-04:00",
            "2026-03-08T03:00-04:00",
            "2026-03-08T03:15-04:00",
            "2026-03-08T03:45-04:00");
    m.tick(Duration.ofHours(4));

    assertThat(local(fires))
        .containsExactly(
            "2026-03-08T01:15-05:00",
            "2026-03-08T01:45-05:00",
            "2026-03-08T03:00-04:00",
            "2026-03-08T03:00-04:00",
            "2026-03-08T03:15-04:00",
            "2026-03-08T03:45-04:00");
    assertThat(m.scheduler().getMetrics()).containsEntry("total_submitted", 6L);
  }

  @Test
  void theOverlapPolicyDecidesAboutTheFiresAfterTheGap() {
    ManualScheduler m = startingAt("2026-03-08T06:50:00Z"); // 01:50 EST
    List<Instant> fires = new ArrayList<>();
    m.scheduler().schedule(quarterPast(OverlapPolicy.SKIP, fires));
    m.scheduler().start();

    m.tick(Duration.ofMinutes(20));

    assertThat(local(fires)).containsExactly("2026-03-08T03:00-04:00");
    assertThat(m.events(TaskEvent.Type.SKIPPED))
        .singleElement()
        .satisfies(
            skip -> {
              assertThat(skip.error().type()).isEqualTo("overlap");
              assertThat(skip.scheduledAt()).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
            });
  }

  @Test
  void wildcardJobRunsInBothPassesOfTheRepeatedHour() {
    ManualScheduler m = startingAt("2026-11-01T04:50:00Z"); // 00:50 EDT
    List<Instant> fires = new ArrayList<>();
    m.scheduler().cron("sweep", "*/30 * * * *", NEW_YORK, ctx -> fires.add(ctx.scheduledAt()));
    m.scheduler().start();

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
    m.scheduler()
        .cron("report", "30 4 1,15 * 5", ZoneId.of("UTC"), ctx -> fires.add(ctx.scheduledAt()));
    m.scheduler().start();

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
            () -> m.scheduler().cron("never", "0 0 30 2 *", ZoneId.of("UTC"), ctx -> null))
        .isInstanceOf(CronParseException.class);
    assertThat(m.scheduler().jobs()).isEmpty();
  }
}
