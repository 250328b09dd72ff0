package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.testing.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntervalAndCalendarTest {
  private final ManualScheduler m = new ManualScheduler();
  private final Instant t0 = ManualScheduler.START;

  @Test
  void intervalIsFixedRateWithoutDrift() {
    List<Instant> due = new ArrayList<>();
    m.scheduler()
        .interval(
            "tick",
            Duration.ofSeconds(10),
            ctx -> {
              due.add(ctx.scheduledAt());
              m.clock()
                  .advance(Duration.ofMillis(1500)); // a body that takes time must not shift fires
              return null;
            });
    m.scheduler().start();

    m.tick(Duration.ofSeconds(100));

    assertThat(due).hasSize(10);
    for (int n = 0; n < due.size(); n++) {
      assertThat(due.get(n)).isEqualTo(t0.plusSeconds(10L * (n + 1)));
    }
    assertThat(m.events(TaskEvent.Type.STARTED))
        .allSatisfy(e -> assertThat(e.latenessMs()).isZero());
  }

  @Test
  void atStartFiresImmediately() {
    m.scheduler()
        .schedule(
            JobDefinition.builder(
                    "boot", new JobSchedule.Interval(Duration.ofMinutes(1), true), c -> 1)
                .build());
    m.scheduler().start();
    m.runDue();
    assertThat(m.events(TaskEvent.Type.COMPLETED)).hasSize(1);
    assertThat(m.events(TaskEvent.Type.COMPLETED).get(0).scheduledAt()).isEqualTo(t0);
  }

  @Test
  void intervalFollowsTheMonotonicClockNotWallSteps() {
    List<Instant> due = new ArrayList<>();
    m.scheduler().interval("tick", Duration.ofSeconds(10), ctx -> due.add(ctx.scheduledAt()));
    m.scheduler().start();

    m.clock().stepWall(Duration.ofHours(-1));
    m.tick(Duration.ofSeconds(30));

    assertThat(due).hasSize(3);
  }

  @Test
  void aLongStallDropsMissedIntervalFiresInsteadOfBursting() {
    List<Instant> due = new ArrayList<>();
    m.scheduler().interval("tick", Duration.ofSeconds(10), ctx -> due.add(ctx.scheduledAt()));
    m.scheduler().start();

    m.clock().advance(Duration.ofSeconds(95)); // the host was suspended
    m.runDue();
    m.tick(Duration.ofSeconds(10));

    // 20 s to 80 s were over an interval late and are dropped; 90 s is late but within one.
    assertThat(due).containsExactly(t0.plusSeconds(10), t0.plusSeconds(90), t0.plusSeconds(100));
    assertThat(m.events(TaskEvent.Type.SKIPPED)).hasSize(1);
    assertThat(m.events(TaskEvent.Type.SKIPPED).get(0).error().type()).isEqualTo("missed");
    assertThat(m.events(TaskEvent.Type.SKIPPED).get(0).error().message()).startsWith("7 fire(s)");
  }

  /** Every whole minute, as a cron "* * * * *" would fire. */
  private static final JobSchedule.CalendarSchedule EVERY_MINUTE =
      after -> Optional.of(Instant.ofEpochSecond((after.getEpochSecond() / 60 + 1) * 60));

  @Test
  void calendarFiresAreCountedAsSubmittedAndRunOnTime() {
    m.scheduler().calendar("minutely", EVERY_MINUTE, ctx -> ctx.scheduledAt());
    m.scheduler().start();

    m.tick(Duration.ofMinutes(5));

    assertThat(m.scheduler().getMetrics())
        .containsEntry("total_submitted", 5L)
        .containsEntry("total_completed", 5L);
    assertThat(m.events(TaskEvent.Type.STARTED))
        .extracting(TaskEvent::startedAt)
        .containsExactly(
            t0.plusSeconds(60),
            t0.plusSeconds(120),
            t0.plusSeconds(180),
            t0.plusSeconds(240),
            t0.plusSeconds(300));
  }

  @Test
  void calendarFiresFollowWallClockStepsWithoutBursts() {
    m.scheduler().calendar("minutely", EVERY_MINUTE, ctx -> null);
    m.scheduler().start();
    m.tick(Duration.ofMinutes(1));

    m.clock().stepWall(Duration.ofHours(2)); // NTP or an operator moved the clock forward
    m.tick(Duration.ofMinutes(1));

    // One fire for the due minute, one skip event for the jump, and then the normal rhythm.
    assertThat(m.scheduler().getMetrics()).containsEntry("total_submitted", 3L);
    assertThat(m.events(TaskEvent.Type.SKIPPED)).hasSize(1);
  }

  @Test
  void nextFiresPreviewsTheSchedule() {
    m.scheduler().interval("tick", Duration.ofSeconds(30), ctx -> null);
    m.scheduler().calendar("minutely", EVERY_MINUTE, ctx -> null);
    m.scheduler().start();

    assertThat(m.scheduler().nextFires("tick", 3))
        .containsExactly(t0.plusSeconds(30), t0.plusSeconds(60), t0.plusSeconds(90));
    assertThat(m.scheduler().nextFires("minutely", 2))
        .containsExactly(t0.plusSeconds(60), t0.plusSeconds(120));
  }
}
