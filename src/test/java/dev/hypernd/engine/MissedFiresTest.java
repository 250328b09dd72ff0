package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MissedFiresTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final Duration TOLERANCE = Duration.ofSeconds(30);
  static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void aPhaseStillAheadIsKeptAndNothingIsMissed() {
    MissedFires m = MissedFires.interval(NOW.plusSeconds(20), MINUTE, NOW, TOLERANCE);
    assertThat(m.count()).isZero();
    assertThat(m.next()).isEqualTo(NOW.plusSeconds(20));
  }

  @Test
  void aPhaseFarAheadAfterTheIntervalShrankComesBackToTheNextFireOfTheSeries() {
    MissedFires m = MissedFires.interval(NOW.plus(Duration.ofMinutes(50)), MINUTE, NOW, TOLERANCE);
    assertThat(m.next()).isEqualTo(NOW);
  }

  @Test
  void firesOlderThanTheToleranceAreMissedAndThePhaseIsKept() {
    MissedFires m = MissedFires.interval(NOW.minusSeconds(190), MINUTE, NOW, TOLERANCE);
    // Due at -190, -130, -70 s are missed; -10 s is late within the tolerance and runs.
    assertThat(m.count()).isEqualTo(3);
    assertThat(m.first()).isEqualTo(NOW.minusSeconds(190));
    assertThat(m.last()).isEqualTo(NOW.minusSeconds(70));
    assertThat(m.next()).isEqualTo(NOW.minusSeconds(10));
  }

  @Test
  void calendarFiresAreCountedUpToACap() {
    JobSchedule.Calendar everyMinute =
        (JobSchedule.Calendar) JobSchedule.cron("* * * * *", ZoneOffset.UTC);
    MissedFires m =
        MissedFires.calendar(
            everyMinute.schedule(), NOW.minus(Duration.ofMinutes(5)), NOW, TOLERANCE);
    assertThat(m.count()).isEqualTo(4);
    assertThat(m.next()).isEqualTo(NOW);

    MissedFires many =
        MissedFires.calendar(
            everyMinute.schedule(), NOW.minus(Duration.ofDays(30)), NOW, TOLERANCE);
    assertThat(many.more()).isTrue();
    assertThat(many.count()).isEqualTo(MissedFires.CALENDAR_CAP);
    assertThat(many.next()).isEqualTo(NOW);
  }

  @Test
  void catchUpIsOnlyForScheduledJobs() {
    assertThatThrownBy(
            () ->
                JobDefinition.builder("a", JobSchedule.onDemand(), ctx -> null)
                    .catchUp(true)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("catchUp applies to interval and calendar jobs");
  }
}
