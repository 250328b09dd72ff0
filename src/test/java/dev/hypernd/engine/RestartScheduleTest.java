package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.store.Retention;
import dev.hypernd.engine.store.TaskQuery;
import dev.hypernd.store.sqlite.SqliteTaskStore;
import dev.hypernd.testing.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Schedules across a restart: interval phase, missed fires, catch-up, and pruning. */
class RestartScheduleTest {
  static final Instant START = ManualScheduler.START;
  static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  @RegisterExtension final StateFiles files = new StateFiles();
  final List<Instant> fires = new ArrayList<>();

  private JobDefinition every10(boolean catchUp, boolean atStart) {
    return JobDefinition.builder(
            "poll",
            new JobSchedule.Interval(TEN_MINUTES, atStart),
            ctx -> {
              fires.add(ctx.scheduledAt());
              return null;
            })
        .catchUp(catchUp)
        .build();
  }

  private JobDefinition nightly(boolean catchUp) {
    return JobDefinition.builder(
            "nightly",
            JobSchedule.cron("0 3 * * *", ZoneOffset.UTC),
            ctx -> {
              fires.add(ctx.scheduledAt());
              return null;
            })
        .catchUp(catchUp)
        .build();
  }

  /** Runs {@code job} from START for {@code runFor}, then crashes; returns the crash image. */
  private Path runThenCrash(JobDefinition job, Duration runFor) {
    SqliteTaskStore store = files.fresh();
    ManualScheduler a = new ManualScheduler(store);
    a.scheduler().schedule(job);
    a.scheduler().start();
    a.tick(runFor);
    return files.crashImage(store);
  }

  @Test
  void anIntervalJobKeepsItsPhaseAcrossARestart() {
    Path image = runThenCrash(every10(false, false), Duration.ofMinutes(25));
    assertThat(fires).containsExactly(START.plus(TEN_MINUTES), START.plus(Duration.ofMinutes(20)));
    fires.clear();

    ManualScheduler b = files.restart(image, Duration.ofMinutes(27), every10(false, false));

    assertThat(b.scheduler().jobs().get(0).nextFire())
        .isEqualTo(START.plus(Duration.ofMinutes(30)));
    assertThat(b.events(TaskEvent.Type.SKIPPED)).isEmpty();
    b.tick(Duration.ofMinutes(13));
    assertThat(fires)
        .containsExactly(START.plus(Duration.ofMinutes(30)), START.plus(Duration.ofMinutes(40)));
  }

  @Test
  void missedIntervalFiresAreReportedAndNotRunByDefault() {
    Path image = runThenCrash(every10(false, false), Duration.ofMinutes(5));

    ManualScheduler b = files.restart(image, Duration.ofMinutes(45), every10(false, false));

    List<TaskEvent> skipped = b.events(TaskEvent.Type.SKIPPED);
    assertThat(skipped).hasSize(1);
    assertThat(skipped.get(0).error().type()).isEqualTo("missed");
    assertThat(skipped.get(0).error().message())
        .isEqualTo(
            "4 fire(s) missed while the scheduler was stopped (from 2026-01-05T10:10:00Z to"
                + " 2026-01-05T10:40:00Z); not run: catch_up is off");
    assertThat(fires).isEmpty();
    assertThat(b.scheduler().jobs().get(0).nextFire())
        .isEqualTo(START.plus(Duration.ofMinutes(50)));
    b.tick(Duration.ofMinutes(5));
    assertThat(fires).containsExactly(START.plus(Duration.ofMinutes(50)));
  }

  @Test
  void catchUpRunsAJobOnceForAllItsMissedFires() {
    Path image = runThenCrash(every10(true, false), Duration.ofMinutes(5));

    ManualScheduler b = files.restart(image, Duration.ofMinutes(45), every10(true, false));

    assertThat(fires).containsExactly(START.plus(Duration.ofMinutes(40)));
    assertThat(b.events(TaskEvent.Type.SKIPPED).get(0).error().message())
        .endsWith("catch_up: running once now");
    assertThat(b.events(TaskEvent.Type.STARTED).get(0).latenessMs())
        .isEqualTo(Duration.ofMinutes(5).toMillis());
    b.tick(Duration.ofMinutes(5));
    assertThat(fires)
        .containsExactly(START.plus(Duration.ofMinutes(40)), START.plus(Duration.ofMinutes(50)));
  }

  @Test
  void aFireLessThanHalfAMinuteLateAtRestartStillRuns() {
    Path image = runThenCrash(every10(false, false), Duration.ofSeconds(590));

    ManualScheduler b = files.restart(image, Duration.ofSeconds(620), every10(false, false));
    b.runDue();

    assertThat(fires).containsExactly(START.plus(TEN_MINUTES));
    assertThat(b.events(TaskEvent.Type.SKIPPED)).isEmpty();
  }

  @Test
  void atStartFiresAtEveryStartAndThePhaseIsKept() {
    Path image = runThenCrash(every10(false, true), Duration.ofMinutes(15));
    assertThat(fires).containsExactly(START, START.plus(TEN_MINUTES));
    fires.clear();

    ManualScheduler b = files.restart(image, Duration.ofMinutes(17), every10(false, true));
    b.runDue();
    b.tick(Duration.ofMinutes(3));

    assertThat(fires)
        .containsExactly(START.plus(Duration.ofMinutes(17)), START.plus(Duration.ofMinutes(20)));
  }

  @Test
  void aCronJobWithCatchUpRunsOnceForTheNightsItMissed() {
    Path image = runThenCrash(nightly(true), Duration.ofHours(1));

    ManualScheduler b = files.restart(image, Duration.ofDays(3), nightly(true));

    assertThat(fires).containsExactly(Instant.parse("2026-01-08T03:00:00Z"));
    assertThat(b.events(TaskEvent.Type.SKIPPED).get(0).error().message())
        .startsWith(
            "3 fire(s) missed while the scheduler was stopped (from 2026-01-06T03:00:00Z to"
                + " 2026-01-08T03:00:00Z)");
    assertThat(b.scheduler().jobs().get(0).nextFire())
        .isEqualTo(Instant.parse("2026-01-09T03:00:00Z"));
  }

  /** An every-minute cron job whose runs take 5 s, with catch-up and the default overlap: skip. */
  private JobDefinition everyMinuteTaking5s() {
    return JobDefinition.builder(
            "minutely",
            JobSchedule.cron("* * * * *", ZoneOffset.UTC),
            ctx -> {
              fires.add(ctx.scheduledAt());
              if (current != null) {
                current.tick(Duration.ofSeconds(5));
              }
              return null;
            })
        .catchUp(true)
        .build();
  }

  private ManualScheduler current;

  /**
   * Down from 10:00:30 to 10:03:10: the fires of 10:01 and 10:02 are missed, and 10:03 is due, 10 s
   * late, within the tolerance. The catch-up run stands for all three: it used to run for the
   * missed ones and then collide with the due one, logged as skipped because it was still running.
   */
  @Test
  void aCatchUpRunAlsoStandsForTheFireDueAtStartInsteadOfCollidingWithIt() {
    Path image = runThenCrash(everyMinuteTaking5s(), Duration.ofSeconds(30));

    current = new ManualScheduler(files.open(image));
    current.clock().advance(Duration.ofSeconds(190));
    current.scheduler().schedule(everyMinuteTaking5s());
    current.scheduler().start();
    current.tick(Duration.ofSeconds(20));

    assertThat(fires).containsExactly(Instant.parse("2026-01-05T10:03:00Z"));
    List<TaskEvent> skipped = current.events(TaskEvent.Type.SKIPPED);
    assertThat(skipped).extracting(e -> e.error().type()).containsExactly("missed");
    assertThat(skipped.get(0).error().message())
        .isEqualTo(
            "2 fire(s) missed while the scheduler was stopped (from 2026-01-05T10:01:00Z to"
                + " 2026-01-05T10:02:00Z); catch_up: running once now, also for the fire due at"
                + " 2026-01-05T10:03:00Z");
    assertThat(current.events(TaskEvent.Type.STARTED).get(0).latenessMs())
        .isEqualTo(Duration.ofSeconds(10).toMillis());
    assertThat(current.scheduler().jobs().get(0).nextFire())
        .isEqualTo(Instant.parse("2026-01-05T10:04:00Z"));
  }

  @Test
  void anIntervalCatchUpRunAlsoStandsForTheFireDueAtStart() {
    Path image = runThenCrash(every10(true, false), Duration.ofMinutes(5));

    // 10:10 to 10:40 missed; 10:50 due 10 s before the restart.
    ManualScheduler b =
        files.restart(image, Duration.ofSeconds(50 * 60 + 10), every10(true, false));
    b.tick(Duration.ofMinutes(1));

    assertThat(fires).containsExactly(START.plus(Duration.ofMinutes(50)));
    assertThat(b.events(TaskEvent.Type.SKIPPED)).hasSize(1);
    assertThat(b.scheduler().jobs().get(0).nextFire())
        .isEqualTo(START.plus(Duration.ofMinutes(60)));
  }

  @Test
  void aCronJobWithoutCatchUpSkipsTheNightsItMissed() {
    Path image = runThenCrash(nightly(false), Duration.ofHours(1));

    ManualScheduler b = files.restart(image, Duration.ofDays(3), nightly(false));

    assertThat(fires).isEmpty();
    assertThat(b.events(TaskEvent.Type.SKIPPED)).hasSize(1);
    assertThat(b.scheduler().getMetrics()).containsEntry("total_skipped", 1L);
  }

  @Test
  void aPausedJobStaysPausedAndReportsNoMissedFires() {
    SqliteTaskStore store = files.fresh();
    ManualScheduler a = new ManualScheduler(store);
    a.scheduler().schedule(every10(true, false));
    a.scheduler().start();
    a.scheduler().pause("poll");
    Path image = files.crashImage(store);

    ManualScheduler b = files.restart(image, Duration.ofHours(2), every10(true, false));
    b.tick(Duration.ofHours(1));

    assertThat(b.scheduler().jobs().get(0).paused()).isTrue();
    assertThat(fires).isEmpty();
    assertThat(b.events(TaskEvent.Type.SKIPPED)).isEmpty();
  }

  @Test
  void finishedTasksArePrunedInTheBackgroundToTheRetention() {
    SqliteTaskStore store = files.fresh();
    ManualScheduler m =
        new ManualScheduler(
            store,
            b -> b.retention(new Retention(3, Duration.ofDays(1))).pruneEvery(Duration.ofHours(1)));
    m.scheduler().schedule(every10(false, false));
    m.scheduler().start();
    m.tick(Duration.ofMinutes(55));
    assertThat(fires).hasSize(5);
    assertThat(store.list(TaskQuery.all(100))).hasSizeGreaterThan(3);

    m.tick(Duration.ofMinutes(5));

    assertThat(store.list(TaskQuery.all(100)))
        .extracting(TaskResult::taskId)
        .containsExactly("sched-6", "sched-5", "sched-4");
  }
}
