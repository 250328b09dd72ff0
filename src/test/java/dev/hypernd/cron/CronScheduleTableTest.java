package dev.hypernd.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-checked fire times in UTC. 2026-01-01 is a Thursday; 2026-02-01 a Sunday. */
class CronScheduleTableTest {

  @ParameterizedTest(name = "[{index}] \"{0}\" after {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # every minute, strictly after, sub-minute starting points
          * * * * *          | 2026-01-01T00:00:00Z           | 2026-01-01T00:01:00Z 2026-01-01T00:02:00Z 2026-01-01T00:03:00Z
          * * * * *          | 2026-01-01T00:00:30Z           | 2026-01-01T00:01:00Z 2026-01-01T00:02:00Z
          * * * * *          | 2026-01-01T00:00:00.000000001Z | 2026-01-01T00:01:00Z
          * * * * *          | 2025-12-31T23:59:59.999Z       | 2026-01-01T00:00:00Z 2026-01-01T00:01:00Z
          0 3 * * *          | 2026-01-01T03:00:00Z           | 2026-01-02T03:00:00Z
          0 3 * * *          | 2026-01-01T02:59:59.999999999Z | 2026-01-01T03:00:00Z 2026-01-02T03:00:00Z
          # values, ranges, steps and lists
          5 * * * *          | 2026-01-01T00:05:00Z | 2026-01-01T01:05:00Z 2026-01-01T02:05:00Z
          0-10/5 * * * *     | 2026-01-01T00:00:00Z | 2026-01-01T00:05:00Z 2026-01-01T00:10:00Z 2026-01-01T01:00:00Z
          */20 * * * *       | 2026-01-01T00:00:00Z | 2026-01-01T00:20:00Z 2026-01-01T00:40:00Z 2026-01-01T01:00:00Z
          7,19,58 * * * *    | 2026-01-01T00:00:00Z | 2026-01-01T00:07:00Z 2026-01-01T00:19:00Z 2026-01-01T00:58:00Z 2026-01-01T01:07:00Z
          1-3,57-59/2 * * * * | 2026-01-01T00:00:00Z | 2026-01-01T00:01:00Z 2026-01-01T00:02:00Z 2026-01-01T00:03:00Z 2026-01-01T00:57:00Z 2026-01-01T00:59:00Z 2026-01-01T01:01:00Z
          */60 * * * *       | 2026-01-01T00:00:00Z | 2026-01-01T01:00:00Z 2026-01-01T02:00:00Z
          0 */6 * * *        | 2026-01-01T00:00:00Z | 2026-01-01T06:00:00Z 2026-01-01T12:00:00Z 2026-01-01T18:00:00Z 2026-01-02T00:00:00Z
          15 9-11 * * *      | 2026-01-01T00:00:00Z | 2026-01-01T09:15:00Z 2026-01-01T10:15:00Z 2026-01-01T11:15:00Z 2026-01-02T09:15:00Z
          59 23 * * *        | 2026-01-31T23:59:00Z | 2026-02-01T23:59:00Z
          0 0 */10 * *       | 2026-01-01T00:00:00Z | 2026-01-11T00:00:00Z 2026-01-21T00:00:00Z 2026-01-31T00:00:00Z 2026-02-01T00:00:00Z
          0 12 1 */4 *       | 2026-01-01T00:00:00Z | 2026-01-01T12:00:00Z 2026-05-01T12:00:00Z 2026-09-01T12:00:00Z 2027-01-01T12:00:00Z
          59 23 31 12 *      | 2026-01-01T00:00:00Z | 2026-12-31T23:59:00Z 2027-12-31T23:59:00Z
          # month names, any case, in lists and ranges
          0 0 1 jan,JUL *    | 2026-01-01T00:00:00Z | 2026-07-01T00:00:00Z 2027-01-01T00:00:00Z
          0 0 1 Mar-may *    | 2026-01-01T00:00:00Z | 2026-03-01T00:00:00Z 2026-04-01T00:00:00Z 2026-05-01T00:00:00Z 2027-03-01T00:00:00Z
          0 0 1 jun-aug/2 *  | 2026-01-01T00:00:00Z | 2026-06-01T00:00:00Z 2026-08-01T00:00:00Z 2027-06-01T00:00:00Z
          # day names, 0 and 7 as Sunday, x-0 wrapping to Sunday, steps counted from Sunday
          0 9 * * MON-fri    | 2026-01-02T10:00:00Z | 2026-01-05T09:00:00Z 2026-01-06T09:00:00Z 2026-01-07T09:00:00Z 2026-01-08T09:00:00Z 2026-01-09T09:00:00Z 2026-01-12T09:00:00Z
          0 9 * * SUN-FRI    | 2026-01-02T10:00:00Z | 2026-01-04T09:00:00Z 2026-01-05T09:00:00Z
          0 9 * * fri-sun    | 2026-01-01T10:00:00Z | 2026-01-02T09:00:00Z 2026-01-03T09:00:00Z 2026-01-04T09:00:00Z 2026-01-09T09:00:00Z
          0 9 * * 5-0        | 2026-01-01T10:00:00Z | 2026-01-02T09:00:00Z 2026-01-03T09:00:00Z 2026-01-04T09:00:00Z 2026-01-09T09:00:00Z
          0 9 * * 0          | 2026-01-01T00:00:00Z | 2026-01-04T09:00:00Z 2026-01-11T09:00:00Z
          0 9 * * 7          | 2026-01-01T00:00:00Z | 2026-01-04T09:00:00Z 2026-01-11T09:00:00Z
          0 9 * * sun        | 2026-01-01T00:00:00Z | 2026-01-04T09:00:00Z 2026-01-11T09:00:00Z
          0 9 * * 6-7        | 2026-01-01T00:00:00Z | 2026-01-03T09:00:00Z 2026-01-04T09:00:00Z 2026-01-10T09:00:00Z
          0 9 * * */3        | 2026-01-01T00:00:00Z | 2026-01-03T09:00:00Z 2026-01-04T09:00:00Z 2026-01-07T09:00:00Z 2026-01-10T09:00:00Z
          0 9 * * mon,wed    | 2026-01-01T00:00:00Z | 2026-01-05T09:00:00Z 2026-01-07T09:00:00Z 2026-01-12T09:00:00Z
          0 9 * * 1-5/2      | 2026-01-01T00:00:00Z | 2026-01-02T09:00:00Z 2026-01-05T09:00:00Z 2026-01-07T09:00:00Z 2026-01-09T09:00:00Z
          # macros
          @yearly            | 2026-01-01T00:00:00Z | 2027-01-01T00:00:00Z 2028-01-01T00:00:00Z
          @annually          | 2026-01-01T00:00:00Z | 2027-01-01T00:00:00Z 2028-01-01T00:00:00Z
          @monthly           | 2026-01-15T00:00:00Z | 2026-02-01T00:00:00Z 2026-03-01T00:00:00Z
          @weekly            | 2026-01-01T00:00:00Z | 2026-01-04T00:00:00Z 2026-01-11T00:00:00Z
          @daily             | 2026-01-01T12:00:00Z | 2026-01-02T00:00:00Z 2026-01-03T00:00:00Z
          @midnight          | 2026-01-01T12:00:00Z | 2026-01-02T00:00:00Z 2026-01-03T00:00:00Z
          @hourly            | 2026-01-01T00:30:00Z | 2026-01-01T01:00:00Z 2026-01-01T02:00:00Z
          @Daily             | 2026-01-01T12:00:00Z | 2026-01-02T00:00:00Z
          # day rule: both restricted means either; a '*' first character means both
          30 4 1,15 * 5      | 2026-01-01T00:00:00Z | 2026-01-01T04:30:00Z 2026-01-02T04:30:00Z 2026-01-09T04:30:00Z 2026-01-15T04:30:00Z 2026-01-16T04:30:00Z 2026-01-23T04:30:00Z 2026-01-30T04:30:00Z 2026-02-01T04:30:00Z
          0 0 1-7 * */7      | 2026-01-01T00:00:00Z | 2026-01-04T00:00:00Z 2026-02-01T00:00:00Z 2026-03-01T00:00:00Z 2026-04-05T00:00:00Z 2026-05-03T00:00:00Z
          0 0 1-7 * 0        | 2026-01-01T00:00:00Z | 2026-01-02T00:00:00Z 2026-01-03T00:00:00Z 2026-01-04T00:00:00Z 2026-01-05T00:00:00Z 2026-01-06T00:00:00Z 2026-01-07T00:00:00Z 2026-01-11T00:00:00Z 2026-01-18T00:00:00Z
          0 0 * * 1          | 2026-01-01T00:00:00Z | 2026-01-05T00:00:00Z 2026-01-12T00:00:00Z
          0 0 */2 * 1        | 2026-01-01T00:00:00Z | 2026-01-05T00:00:00Z 2026-01-19T00:00:00Z 2026-02-09T00:00:00Z
          0 0 13 * fri       | 2026-01-01T00:00:00Z | 2026-01-02T00:00:00Z 2026-01-09T00:00:00Z 2026-01-13T00:00:00Z 2026-01-16T00:00:00Z
          0 0 31 2 mon       | 2026-01-01T00:00:00Z | 2026-02-02T00:00:00Z 2026-02-09T00:00:00Z
          # leap years: 2100 is not one
          0 0 29 2 *         | 2025-01-01T00:00:00Z | 2028-02-29T00:00:00Z 2032-02-29T00:00:00Z
          0 0 29 2 *         | 2096-03-01T00:00:00Z | 2104-02-29T00:00:00Z 2108-02-29T00:00:00Z
          0 0 29 2 *         | 2399-01-01T00:00:00Z | 2400-02-29T00:00:00Z 2404-02-29T00:00:00Z
          0 0 29 2 */7       | 2026-01-01T00:00:00Z | 2032-02-29T00:00:00Z 2060-02-29T00:00:00Z
          # the 31st skips shorter months
          0 0 31 * *         | 2026-01-31T00:00:00Z | 2026-03-31T00:00:00Z 2026-05-31T00:00:00Z 2026-07-31T00:00:00Z 2026-08-31T00:00:00Z 2026-10-31T00:00:00Z 2026-12-31T00:00:00Z
          # far past and the end of year 9999
          0 0 1 1 *          | 0001-06-01T00:00:00Z | 0002-01-01T00:00:00Z
          0 0 31 12 *        | 9998-12-31T00:00:00Z | 9999-12-31T00:00:00Z
          59 23 31 12 *      | 9999-12-31T23:58:00Z | 9999-12-31T23:59:00Z
          """)
  void firesAtHandCheckedTimes(String expression, Instant from, String expected) {
    var schedule = CronSchedule.parse(expression, ZoneOffset.UTC);
    var fires = FireTimes.parse(expected);

    assertThat(FireTimes.chain(schedule, from, fires.size())).containsExactlyElementsOf(fires);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" after {1} is empty")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0 0 31 12 *   | 9999-12-31T00:00:00Z
          59 23 31 12 * | 9999-12-31T23:59:00Z
          * * * * *     | 9999-12-31T23:59:00Z
          0 0 29 2 *    | 9996-02-29T00:00:00Z
          @yearly       | 9999-01-01T00:00:00Z
          """)
  void runsOutAfterTheLastFireInYear9999(String expression, Instant from) {
    assertThat(CronSchedule.parse(expression, ZoneOffset.UTC).nextAfter(from)).isEmpty();
  }

  @Test
  void lastFireOfYear9999InAZoneBehindUtcIsInYear10000Utc() {
    var schedule = CronSchedule.parse("59 23 31 12 *", ZoneId.of("America/New_York"));

    assertThat(schedule.nextAfter(Instant.parse("9999-12-31T00:00:00Z")))
        .contains(Instant.parse("+10000-01-01T04:59:00Z"));
    assertThat(schedule.nextAfter(Instant.parse("+10000-01-01T04:59:00Z"))).isEmpty();
  }

  @Test
  void extremeInstantsNeitherFailNorLoop() {
    var schedule = CronSchedule.parse("0 0 1 1 *", ZoneId.of("Europe/Paris"));

    assertThat(schedule.nextAfter(Instant.MAX)).isEmpty();
    assertThat(schedule.nextAfter(Instant.MIN)).isPresent();
    assertThat(CronSchedule.parse("* * * * *", ZoneOffset.UTC).nextAfter(Instant.MIN))
        .contains(Instant.MIN.plusSeconds(60));
  }

  @Test
  void fixedOffsetZonesShiftTheWallClock() {
    var schedule = CronSchedule.parse("0 3 * * *", ZoneOffset.ofHoursMinutes(5, 30));

    assertThat(schedule.nextAfter(Instant.parse("2026-01-01T00:00:00Z")))
        .contains(Instant.parse("2026-01-01T21:30:00Z"));
  }
}
