package dev.hypernd.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.cron.CronSchedule;
import dev.hypernd.engine.JobSchedule;
import dev.hypernd.jobs.config.RandomDelay;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DelayedFiresTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final CronSchedule NIGHTLY = CronSchedule.parse("0 3 * * *", ZoneId.of("UTC"));

  private static List<Instant> fires(DelayedFires schedule, int count) {
    List<Instant> out = new ArrayList<>();
    Instant at = FROM;
    for (int i = 0; i < count; i++) {
      at = schedule.nextAfter(at).orElseThrow();
      out.add(at);
    }
    return out;
  }

  @Test
  void aDelayedFireAfterASpringGapHappensAsOftenAsTheFireItDelays() {
    CronSchedule quarterPast = CronSchedule.parse("15,45 1-3 * * *", ZoneId.of("America/New_York"));
    DelayedFires schedule =
        new DelayedFires(
            JobSchedule.CalendarSchedule.of(quarterPast),
            new RandomDelay(Duration.ofMinutes(10), false),
            "sync",
            "run-1");
    Instant afterGap = Instant.parse("2026-03-08T07:00:00Z");
    Instant delayed = schedule.nextAfter(afterGap.minusNanos(1)).orElseThrow();

    assertThat(delayed).isBetween(afterGap, afterGap.plus(Duration.ofMinutes(10)));
    assertThat(schedule.occurrencesAt(delayed)).as("02:15 and 02:45").isEqualTo(2);
    Instant next = schedule.nextAfter(delayed).orElseThrow();
    assertThat(schedule.occurrencesAt(next)).isEqualTo(1);
  }

  @Test
  void everyFireIsDelayedWithinItsBoundAcrossAThousandFires() {
    DelayedFires schedule =
        new DelayedFires(
            NIGHTLY::nextAfter, new RandomDelay(Duration.ofMinutes(5), false), "backup", "run-1");
    List<Instant> delayed = fires(schedule, 1000);
    Instant due = FROM;
    Set<Long> delays = new HashSet<>();
    for (Instant fire : delayed) {
      due = NIGHTLY.nextAfter(due).orElseThrow();
      assertThat(fire).isAfterOrEqualTo(due).isBefore(due.plus(Duration.ofMinutes(5)));
      delays.add(Duration.between(due, fire).toMillis());
    }
    assertThat(delays).as("a new delay at every fire").hasSizeGreaterThan(900);
  }

  @Test
  void withTheHostSeedEachHostKeepsItsSlotAndHostsSpreadOut() {
    RandomDelay perHost = new RandomDelay(Duration.ofMinutes(30), true);
    List<Instant> a =
        fires(new DelayedFires(NIGHTLY::nextAfter, perHost, "backup", "host-a"), 1000);
    List<Instant> again =
        fires(new DelayedFires(NIGHTLY::nextAfter, perHost, "backup", "host-a"), 1000);
    assertThat(again).as("stable across restarts").isEqualTo(a);
    Set<Duration> slots = new HashSet<>();
    for (Instant fire : a) {
      slots.add(
          Duration.between(
              fire.atZone(ZoneId.of("UTC"))
                  .withHour(3)
                  .withMinute(0)
                  .withSecond(0)
                  .withNano(0)
                  .toInstant(),
              fire));
    }
    assertThat(slots).as("one slot for the host").hasSize(1);
    assertThat(slots.iterator().next())
        .isLessThan(Duration.ofMinutes(30))
        .isGreaterThanOrEqualTo(Duration.ZERO);

    Set<Instant> firstFires = new TreeSet<>();
    for (int host = 0; host < 20; host++) {
      firstFires.add(
          fires(new DelayedFires(NIGHTLY::nextAfter, perHost, "backup", "host-" + host), 1).get(0));
    }
    assertThat(firstFires).as("a fleet spreads its load").hasSizeGreaterThan(15);
  }

  @Test
  void aDelayLongerThanTheGapStillGivesEachFireOnceInTimeOrder() {
    CronSchedule minutely = CronSchedule.parse("* * * * *", ZoneId.of("UTC"));
    DelayedFires schedule =
        new DelayedFires(
            minutely::nextAfter, new RandomDelay(Duration.ofMinutes(10), false), "poll", "run-2");
    // Brute force: every fire of a day, delayed, sorted; the schedule must give exactly those.
    TreeSet<Instant> expected = new TreeSet<>();
    for (Instant due = FROM.minus(Duration.ofMinutes(20));
        due.isBefore(FROM.plus(Duration.ofDays(1)));
        due = due.plusSeconds(60)) {
      Instant delayed = due.plusMillis(schedule.delayOf(due));
      if (delayed.isAfter(FROM)) {
        expected.add(delayed);
      }
    }
    List<Instant> actual = fires(schedule, 1000);
    assertThat(actual).isEqualTo(new ArrayList<>(expected).subList(0, 1000));
  }
}
