package dev.hypernd.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-checked fires across 2026 clock changes (tzdb 2025a on this JDK):
 *
 * <ul>
 *   <li>America/New_York: gap 03-08 02:00 -05:00 to 03:00 -04:00; overlap 11-01, 01:00-02:00 twice.
 *   <li>Europe/London: gap 03-29 01:00 +00:00 to 02:00 +01:00; overlap 10-25, 01:00-02:00 twice.
 *   <li>Australia/Lord_Howe, half-hour shifts: gap 10-04 02:00 +10:30 to 02:30 +11:00; overlap
 *       04-05, 01:30-02:00 twice.
 *   <li>America/Santiago, shifts at midnight: gap 09-06 00:00 -04:00 to 01:00 -03:00; overlap 04-04
 *       23:00-24:00 twice.
 * </ul>
 *
 * Fixed-time jobs fire at the end of a gap, once for each of their times in it (cronie's catch-up
 * runs every skipped minute; a chain lists such an instant once per fire), and once, at the first
 * pass, in an overlap. Wildcard jobs follow the wall clock: skipped in a gap, both passes in an
 * overlap.
 */
class DstTransitionTest {

  @ParameterizedTest(name = "[{index}] {0} \"{1}\" after {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # ---- America/New_York, spring forward: 02:00-02:59 do not exist on 2026-03-08
          America/New_York | 30 2 * * *   | 2026-03-07T12:00:00Z | 2026-03-08T03:00-04:00 2026-03-09T02:30-04:00
          America/New_York | 0 2 * * *    | 2026-03-07T12:00:00Z | 2026-03-08T03:00-04:00 2026-03-09T02:00-04:00
          America/New_York | 0,30 2 * * * | 2026-03-07T12:00:00Z | 2026-03-08T03:00-04:00 2026-03-08T03:00-04:00 2026-03-09T02:00-04:00 2026-03-09T02:30-04:00
          America/New_York | 0 2,3 * * *  | 2026-03-07T12:00:00Z | 2026-03-08T03:00-04:00 2026-03-08T03:00-04:00 2026-03-09T02:00-04:00 2026-03-09T03:00-04:00
          America/New_York | 15,45 1-3 * * * | 2026-03-08T05:00:00Z | 2026-03-08T01:15-05:00 2026-03-08T01:45-05:00 2026-03-08T03:00-04:00 2026-03-08T03:00-04:00 2026-03-08T03:15-04:00 2026-03-08T03:45-04:00
          America/New_York | 0,15,30,45 2 * * * | 2026-03-07T12:00:00Z | 2026-03-08T03:00-04:00 2026-03-08T03:00-04:00 2026-03-08T03:00-04:00 2026-03-08T03:00-04:00 2026-03-09T02:00-04:00
          America/New_York | 0 3 * * *    | 2026-03-07T12:00:00Z | 2026-03-08T03:00-04:00 2026-03-09T03:00-04:00
          America/New_York | 59 1 * * *   | 2026-03-07T12:00:00Z | 2026-03-08T01:59-05:00 2026-03-09T01:59-04:00
          America/New_York | */15 * * * * | 2026-03-08T06:30:00Z | 2026-03-08T01:45-05:00 2026-03-08T03:00-04:00 2026-03-08T03:15-04:00
          America/New_York | 30 * * * *   | 2026-03-08T06:00:00Z | 2026-03-08T01:30-05:00 2026-03-08T03:30-04:00 2026-03-08T04:30-04:00
          America/New_York | @hourly      | 2026-03-08T05:30:00Z | 2026-03-08T01:00-05:00 2026-03-08T03:00-04:00 2026-03-08T04:00-04:00
          America/New_York | * 2 * * *    | 2026-03-07T12:00:00Z | 2026-03-09T02:00-04:00 2026-03-09T02:01-04:00
          # ---- America/New_York, fall back: 01:00-01:59 happen twice on 2026-11-01
          America/New_York | 30 1 * * *   | 2026-10-31T12:00:00Z | 2026-11-01T01:30-04:00 2026-11-02T01:30-05:00
          America/New_York | 0 1 * * *    | 2026-10-31T12:00:00Z | 2026-11-01T01:00-04:00 2026-11-02T01:00-05:00
          America/New_York | 59 1 * * *   | 2026-10-31T12:00:00Z | 2026-11-01T01:59-04:00 2026-11-02T01:59-05:00
          America/New_York | 0 2 * * *    | 2026-10-31T12:00:00Z | 2026-11-01T02:00-05:00 2026-11-02T02:00-05:00
          America/New_York | 30 1 * * *   | 2026-11-01T06:10:00Z | 2026-11-02T01:30-05:00
          America/New_York | */15 * * * * | 2026-11-01T05:30:00Z | 2026-11-01T01:45-04:00 2026-11-01T01:00-05:00 2026-11-01T01:15-05:00 2026-11-01T01:30-05:00 2026-11-01T01:45-05:00 2026-11-01T02:00-05:00
          America/New_York | */15 * * * * | 2026-11-01T06:10:00Z | 2026-11-01T01:15-05:00
          America/New_York | 30 * * * *   | 2026-11-01T04:00:00Z | 2026-11-01T00:30-04:00 2026-11-01T01:30-04:00 2026-11-01T01:30-05:00 2026-11-01T02:30-05:00
          America/New_York | @hourly      | 2026-11-01T04:30:00Z | 2026-11-01T01:00-04:00 2026-11-01T01:00-05:00 2026-11-01T02:00-05:00
          # ---- Europe/London
          Europe/London    | 30 1 * * *   | 2026-03-28T12:00:00Z | 2026-03-29T02:00+01:00 2026-03-30T01:30+01:00
          Europe/London    | */15 * * * * | 2026-03-29T00:30:00Z | 2026-03-29T00:45+00:00 2026-03-29T02:00+01:00 2026-03-29T02:15+01:00
          Europe/London    | 30 * * * *   | 2026-03-29T00:00:00Z | 2026-03-29T00:30+00:00 2026-03-29T02:30+01:00
          Europe/London    | @hourly      | 2026-03-29T00:30:00Z | 2026-03-29T02:00+01:00 2026-03-29T03:00+01:00
          Europe/London    | 30 1 * * *   | 2026-10-24T12:00:00Z | 2026-10-25T01:30+01:00 2026-10-26T01:30+00:00
          Europe/London    | */15 * * * * | 2026-10-25T00:30:00Z | 2026-10-25T01:45+01:00 2026-10-25T01:00+00:00 2026-10-25T01:15+00:00 2026-10-25T01:30+00:00 2026-10-25T01:45+00:00 2026-10-25T02:00+00:00
          Europe/London    | @hourly      | 2026-10-24T23:30:00Z | 2026-10-25T01:00+01:00 2026-10-25T01:00+00:00 2026-10-25T02:00+00:00
          Europe/London    | 30 * * * *   | 2026-10-24T23:00:00Z | 2026-10-25T00:30+01:00 2026-10-25T01:30+01:00 2026-10-25T01:30+00:00 2026-10-25T02:30+00:00
          # ---- Australia/Lord_Howe, 30-minute gap: 02:00-02:29 do not exist on 2026-10-04
          Australia/Lord_Howe | 15 2 * * *   | 2026-10-03T00:00:00Z | 2026-10-04T02:30+11:00 2026-10-05T02:15+11:00
          Australia/Lord_Howe | 0 2 * * *    | 2026-10-03T00:00:00Z | 2026-10-04T02:30+11:00 2026-10-05T02:00+11:00
          Australia/Lord_Howe | 30 2 * * *   | 2026-10-03T00:00:00Z | 2026-10-04T02:30+11:00 2026-10-05T02:30+11:00
          Australia/Lord_Howe | 0,10,20 2 * * * | 2026-10-03T00:00:00Z | 2026-10-04T02:30+11:00 2026-10-04T02:30+11:00 2026-10-04T02:30+11:00 2026-10-05T02:00+11:00
          Australia/Lord_Howe | */15 * * * * | 2026-10-03T15:10:00Z | 2026-10-04T01:45+10:30 2026-10-04T02:30+11:00 2026-10-04T02:45+11:00
          Australia/Lord_Howe | 30 * * * *   | 2026-10-03T14:30:00Z | 2026-10-04T01:30+10:30 2026-10-04T02:30+11:00 2026-10-04T03:30+11:00
          Australia/Lord_Howe | @hourly      | 2026-10-03T14:00:00Z | 2026-10-04T01:00+10:30 2026-10-04T03:00+11:00 2026-10-04T04:00+11:00
          # ---- Australia/Lord_Howe, 30-minute overlap: 01:30-01:59 happen twice on 2026-04-05
          Australia/Lord_Howe | 45 1 * * *   | 2026-04-04T00:00:00Z | 2026-04-05T01:45+11:00 2026-04-06T01:45+10:30
          Australia/Lord_Howe | 30 1 * * *   | 2026-04-04T00:00:00Z | 2026-04-05T01:30+11:00 2026-04-06T01:30+10:30
          Australia/Lord_Howe | 0 1 * * *    | 2026-04-04T00:00:00Z | 2026-04-05T01:00+11:00 2026-04-06T01:00+10:30
          Australia/Lord_Howe | */15 * * * * | 2026-04-04T14:20:00Z | 2026-04-05T01:30+11:00 2026-04-05T01:45+11:00 2026-04-05T01:30+10:30 2026-04-05T01:45+10:30 2026-04-05T02:00+10:30
          Australia/Lord_Howe | @hourly      | 2026-04-04T13:30:00Z | 2026-04-05T01:00+11:00 2026-04-05T02:00+10:30
          Australia/Lord_Howe | 30 * * * *   | 2026-04-04T14:00:00Z | 2026-04-05T01:30+11:00 2026-04-05T01:30+10:30 2026-04-05T02:30+10:30
          # ---- America/Santiago, gap at midnight: 00:00-00:59 do not exist on 2026-09-06
          America/Santiago | 0 0 * * *    | 2026-09-05T12:00:00Z | 2026-09-06T01:00-03:00 2026-09-07T00:00-03:00
          America/Santiago | @daily       | 2026-09-05T12:00:00Z | 2026-09-06T01:00-03:00 2026-09-07T00:00-03:00
          America/Santiago | 30 0 * * *   | 2026-09-05T12:00:00Z | 2026-09-06T01:00-03:00 2026-09-07T00:30-03:00
          America/Santiago | 0 0,1 * * *  | 2026-09-05T12:00:00Z | 2026-09-06T01:00-03:00 2026-09-06T01:00-03:00 2026-09-07T00:00-03:00 2026-09-07T01:00-03:00
          America/Santiago | */30 * * * * | 2026-09-06T03:00:00Z | 2026-09-05T23:30-04:00 2026-09-06T01:00-03:00 2026-09-06T01:30-03:00
          America/Santiago | @hourly      | 2026-09-06T03:30:00Z | 2026-09-06T01:00-03:00 2026-09-06T02:00-03:00
          America/Santiago | * 0 * * *    | 2026-09-05T12:00:00Z | 2026-09-07T00:00-03:00 2026-09-07T00:01-03:00
          America/Santiago | */15 * * * * | 2026-09-06T03:30:00Z | 2026-09-05T23:45-04:00 2026-09-06T01:00-03:00 2026-09-06T01:15-03:00
          America/Santiago | 30 * * * *   | 2026-09-06T03:00:00Z | 2026-09-05T23:30-04:00 2026-09-06T01:30-03:00 2026-09-06T02:30-03:00
          # ---- America/Santiago, overlap at midnight: 23:00-23:59 on 2026-04-04 happen twice
          America/Santiago | 30 23 * * *  | 2026-04-04T12:00:00Z | 2026-04-04T23:30-03:00 2026-04-05T23:30-04:00
          America/Santiago | 0 0 * * *    | 2026-04-04T12:00:00Z | 2026-04-05T00:00-04:00 2026-04-06T00:00-04:00
          America/Santiago | @hourly      | 2026-04-05T01:30:00Z | 2026-04-04T23:00-03:00 2026-04-04T23:00-04:00 2026-04-05T00:00-04:00
          America/Santiago | */30 * * * * | 2026-04-05T02:10:00Z | 2026-04-04T23:30-03:00 2026-04-04T23:00-04:00 2026-04-04T23:30-04:00 2026-04-05T00:00-04:00
          America/Santiago | */15 * * * * | 2026-04-05T02:40:00Z | 2026-04-04T23:45-03:00 2026-04-04T23:00-04:00 2026-04-04T23:15-04:00 2026-04-04T23:30-04:00 2026-04-04T23:45-04:00 2026-04-05T00:00-04:00
          America/Santiago | 30 * * * *   | 2026-04-05T02:00:00Z | 2026-04-04T23:30-03:00 2026-04-04T23:30-04:00 2026-04-05T00:30-04:00
          # ---- the last overlap before year 10000: the second pass comes after the calendar ran out
          Africa/Ceuta     | * 2 * 10 *   | 9999-10-31T00:59:00Z | 9999-10-31T02:00+01:00 9999-10-31T02:01+01:00
          Europe/London    | * 1 * 10 *   | 9999-10-31T00:59:00Z | 9999-10-31T01:00Z 9999-10-31T01:01Z
          Europe/London    | 30 1 * * *   | 9999-10-31T00:30:00Z | 9999-11-01T01:30Z
          """)
  void firesAtHandCheckedInstants(String zone, String expression, Instant from, String expected) {
    var schedule = CronSchedule.parse(expression, ZoneId.of(zone));
    var fires = FireTimes.parse(expected);

    assertThat(FireTimes.chain(schedule, from, fires.size())).containsExactlyElementsOf(fires);
  }

  @ParameterizedTest(name = "[{index}] {0} {1} at {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          America/New_York    | gap     | 2026-03-08T02:00-05:00 | -04:00
          America/New_York    | overlap | 2026-11-01T02:00-04:00 | -05:00
          Europe/London       | gap     | 2026-03-29T01:00Z      | +01:00
          Europe/London       | overlap | 2026-10-25T02:00+01:00 | Z
          Australia/Lord_Howe | overlap | 2026-04-05T02:00+11:00 | +10:30
          Australia/Lord_Howe | gap     | 2026-10-04T02:00+10:30 | +11:00
          America/Santiago    | overlap | 2026-04-05T00:00-03:00 | -04:00
          America/Santiago    | gap     | 2026-09-06T00:00-04:00 | -03:00
          """)
  void theTablesAboveAssumeTheseTransitionsInThisJdksTzdb(
      String zone, String kind, String at, String offsetAfter) {
    var start = OffsetDateTime.parse(at);
    var transition = ZoneId.of(zone).getRules().nextTransition(start.toInstant().minusSeconds(1));

    assertThat(transition.getInstant()).isEqualTo(start.toInstant());
    assertThat(transition.getOffsetBefore()).isEqualTo(start.getOffset());
    assertThat(transition.getOffsetAfter()).isEqualTo(ZoneOffset.of(offsetAfter));
    assertThat(transition.isGap() ? "gap" : "overlap").isEqualTo(kind);
  }

  @Test
  void fixedTimeJobFiresExactlyOncePerDayThroughAWholeYearOfClockChanges() {
    for (String zone :
        new String[] {"America/New_York", "Australia/Lord_Howe", "America/Santiago"}) {
      var schedule = CronSchedule.parse("30 1 * * *", ZoneId.of(zone));
      var from = LocalDateTime.of(2026, 1, 1, 0, 0).atZone(ZoneId.of(zone)).toInstant();

      var fires = FireTimes.chain(schedule, from, 365);

      assertThat(fires.stream().map(t -> t.atZone(ZoneId.of(zone)).toLocalDate()).distinct())
          .as(zone)
          .hasSize(365);
    }
  }

  @Test
  void wildcardJobFiresEveryRealQuarterHourThroughAWholeYear() {
    var zone = ZoneId.of("America/New_York");
    var schedule = CronSchedule.parse("*/15 * * * *", zone);
    var from = Instant.parse("2026-01-01T05:00:00Z");

    var fires = FireTimes.chain(schedule, from, 365 * 96);

    // Every quarter hour of elapsed time, neither losing nor duplicating the hour DST moves.
    for (int i = 0; i < fires.size(); i++) {
      assertThat(fires.get(i)).isEqualTo(from.plusSeconds(900L * (i + 1)));
    }
  }
}
