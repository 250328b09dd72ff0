package dev.hypernd.engine;

import dev.hypernd.engine.store.JobState;
import dev.hypernd.engine.store.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns schedules into fires: fixed-rate intervals on the monotonic clock and calendar fires on
 * wall time. Everything here runs under the job's lock, which serialises a job's fires and its
 * overlap admission; different jobs plan their fires at the same time on different dispatch
 * threads.
 */
final class FireScheduler {
  // Calendar fires further in the past than this (after a suspend or a clock step) are skipped.
  private static final Duration MISSED_FIRE_TOLERANCE = Duration.ofSeconds(30);

  private final EngineClock clock;
  private final Timers timers;
  private final TaskStore store;
  private final TaskTable tasks;
  private final Admission admission;
  private final EngineMetrics metrics;
  private final String owner;

  FireScheduler(
      EngineClock clock,
      Timers timers,
      TaskStore store,
      TaskTable tasks,
      Admission admission,
      EngineMetrics metrics,
      String owner) {
    this.clock = clock;
    this.timers = timers;
    this.store = store;
    this.tasks = tasks;
    this.admission = admission;
    this.metrics = metrics;
    this.owner = owner;
  }

  /** (Re)starts the job's schedule from now. Under the job's lock. */
  void arm(ScheduledJob job) {
    job.cancelFireTimer();
    JobSchedule schedule = job.definition.schedule();
    if (schedule instanceof JobSchedule.Interval interval) {
      job.anchorNanos = clock.nanoTime();
      job.anchorWall = clock.now();
      job.fireIndex = interval.atStart() ? 0 : 1;
      armInterval(job, interval);
    } else if (schedule instanceof JobSchedule.Calendar calendar) {
      armCalendar(job, calendar, calendar.schedule().nextAfter(clock.now()));
    }
    saveJobState(job);
  }

  /**
   * Arms a job at start from the schedule state an earlier run stored: an interval job keeps its
   * phase (its next fire is the next one of the stored series after now); fires that fell due while
   * the scheduler was stopped are reported as a {@code task.skipped} event with error type {@code
   * missed}, and run once now if the job has {@code catchUp}. An interval job with {@code atStart}
   * also fires now, unless a fire runs at start anyway. A paused job reports nothing.
   */
  void resume(ScheduledJob job, JobState stored, Effects fx) {
    job.cancelFireTimer();
    JobSchedule schedule = job.definition.schedule();
    Instant now = clock.now();
    if (schedule instanceof JobSchedule.Interval interval) {
      Instant phase =
          stored.nextFire() != null
              ? stored.nextFire()
              : stored.lastFire() != null ? stored.lastFire().plus(interval.every()) : null;
      if (phase == null) {
        arm(job);
        return;
      }
      MissedFires missed =
          MissedFires.interval(phase, interval.every(), now, MISSED_FIRE_TOLERANCE);
      Instant next = missed.next();
      Instant latestDue = null;
      if (!next.isAfter(now)) {
        long steps = Duration.between(next, now).toNanos() / interval.every().toNanos();
        latestDue = next.plus(interval.every().multipliedBy(steps));
      }
      boolean ranAtStart = handleMissed(job, missed, latestDue, fx);
      if (ranAtStart && latestDue != null) {
        next = latestDue.plus(interval.every());
      }
      job.anchorWall = next;
      job.anchorNanos = clock.nanoTime() + Duration.between(now, next).toNanos();
      job.fireIndex = 0;
      if (interval.atStart() && !ranAtStart && missed.next().isAfter(now)) {
        fire(job, now, clock.nanoTime(), fx);
      }
      armInterval(job, interval);
    } else if (schedule instanceof JobSchedule.Calendar calendar) {
      Instant after =
          stored.nextFire() != null ? stored.nextFire().minusNanos(1) : stored.lastFire();
      if (after == null) {
        arm(job);
        return;
      }
      MissedFires missed =
          MissedFires.calendar(calendar.schedule(), after, now, MISSED_FIRE_TOLERANCE);
      Optional<Instant> next = Optional.ofNullable(missed.next());
      Instant latestDue = null;
      while (next.isPresent() && !next.get().isAfter(now)) {
        latestDue = next.get();
        next = calendar.schedule().nextAfter(latestDue);
      }
      boolean ranAtStart = handleMissed(job, missed, latestDue, fx);
      armCalendar(job, calendar, ranAtStart ? next : Optional.ofNullable(missed.next()));
    } else {
      return;
    }
    saveJobState(job);
  }

  /**
   * Reports missed fires and runs the catch-up fire; true if it ran one. The catch-up run stands
   * for the fires due at start too (late, within the tolerance), and is due when the latest of them
   * was: run apart, they would follow it at once and find it still running.
   *
   * @param latestDue the latest fire due at start that was not missed, or null
   */
  private boolean handleMissed(
      ScheduledJob job, MissedFires missed, Instant latestDue, Effects fx) {
    if (missed.count() == 0 || job.paused) {
      return false;
    }
    String what =
        (missed.more() ? "more than " : "")
            + missed.count()
            + " fire(s) missed while the scheduler was stopped ("
            + (missed.count() == 1
                ? "due " + missed.first()
                : "from " + missed.first() + " to " + missed.last())
            + "); ";
    if (!job.definition.catchUp()) {
      reportMissed(job, what + "not run: catch_up is off", fx);
      return false;
    }
    reportMissed(
        job,
        what
            + "catch_up: running once now"
            + (latestDue == null ? "" : ", also for the fire due at " + latestDue),
        fx);
    Instant due = latestDue != null ? latestDue : missed.last();
    long lateNanos = Duration.between(due, clock.now()).toNanos();
    fire(job, due, clock.nanoTime() - lateNanos, fx);
    return true;
  }

  /**
   * The next {@code count} fire times of a job from now, without firing anything. Under its lock.
   */
  List<Instant> preview(ScheduledJob job, int count) {
    JobSchedule schedule = job.definition.schedule();
    List<Instant> out = new java.util.ArrayList<>();
    if (schedule instanceof JobSchedule.Interval interval) {
      if (job.nextFire == null) {
        return out;
      }
      for (int i = 0; i < count; i++) {
        out.add(job.nextFire.plus(interval.every().multipliedBy(i)));
      }
    } else if (schedule instanceof JobSchedule.Calendar calendar) {
      Optional<Instant> next = Optional.ofNullable(job.nextFire);
      while (next.isPresent() && out.size() < count) {
        for (int i = calendar.schedule().occurrencesAt(next.get()); i > 0; i--) {
          if (out.size() < count) {
            out.add(next.get());
          }
        }
        next = calendar.schedule().nextAfter(next.get());
      }
    }
    return out;
  }

  private void armInterval(ScheduledJob job, JobSchedule.Interval interval) {
    long every = interval.every().toNanos();
    long due = job.anchorNanos + job.fireIndex * every;
    job.nextFire = job.anchorWall.plusNanos(job.fireIndex * every);
    long armed = ++job.armed;
    job.fireTimer =
        timers.atNanos(
            job.name(), due, fx -> locked(job, armed, () -> onInterval(job, interval, fx)));
  }

  /**
   * Runs a fire timer's action under the job's lock, unless the job was re-armed (a reload, a
   * pause) after the dispatch thread took the timer and before it got the lock.
   */
  private static void locked(ScheduledJob job, long armed, Runnable action) {
    job.lock.lock();
    try {
      if (job.armed == armed) {
        action.run();
      }
    } finally {
      job.lock.unlock();
    }
  }

  private void onInterval(ScheduledJob job, JobSchedule.Interval interval, Effects fx) {
    job.fireTimer = null;
    long every = interval.every().toNanos();
    long index = job.fireIndex;
    long due = job.anchorNanos + index * every;
    fire(job, job.anchorWall.plusNanos(index * every), due, fx);
    long next = index + 1;
    long now = clock.nanoTime();
    long missed = 0;
    // More than a whole interval late (a suspend, a stalled host): drop the fires in between.
    while (job.anchorNanos + next * every + every - now <= 0) {
      next++;
      missed++;
    }
    if (missed > 0) {
      reportMissed(job, missed + " fire(s) missed: the scheduler was late by over an interval", fx);
    }
    job.fireIndex = next;
    armInterval(job, interval);
    saveJobState(job);
  }

  private void armCalendar(
      ScheduledJob job, JobSchedule.Calendar calendar, Optional<Instant> nextFire) {
    job.nextFire = nextFire.orElse(null);
    long armed = ++job.armed;
    nextFire.ifPresent(
        at ->
            job.fireTimer =
                timers.atWall(
                    job.name(),
                    at,
                    fx -> locked(job, armed, () -> onCalendar(job, calendar, at, fx))));
  }

  private void onCalendar(ScheduledJob job, JobSchedule.Calendar calendar, Instant at, Effects fx) {
    job.fireTimer = null;
    Instant wallNow = clock.now();
    Instant oldest = wallNow.minus(MISSED_FIRE_TOLERANCE);
    Optional<Instant> next;
    if (at.isBefore(oldest)) {
      next = skipMissed(job, calendar, at, oldest, fx);
    } else {
      long dueNanos = clock.nanoTime() - Duration.between(at, wallNow).toNanos();
      fire(job, at, dueNanos, calendar.schedule().occurrencesAt(at), fx);
      next = calendar.schedule().nextAfter(at);
      if (next.isPresent() && next.get().isBefore(oldest)) {
        next = skipMissed(job, calendar, next.get(), oldest, fx);
      }
    }
    armCalendar(job, calendar, next);
    saveJobState(job);
  }

  /** Fires from {@code first} to {@code oldest} are too late to run: report them once. */
  private Optional<Instant> skipMissed(
      ScheduledJob job, JobSchedule.Calendar calendar, Instant first, Instant oldest, Effects fx) {
    reportMissed(
        job,
        "fires from "
            + first
            + " to "
            + oldest
            + " missed: the wall clock jumped or the host slept",
        fx);
    return calendar.schedule().nextAfter(oldest);
  }

  private void reportMissed(ScheduledJob job, String message, Effects fx) {
    metrics.skipped(job.name());
    fx.event(
        TaskEvents.skipped(job.name(), null, null, clock.now(), new TaskError("missed", message)));
  }

  /** One fire: creates a task unless the job is paused, claimed elsewhere or busy under SKIP. */
  private void fire(ScheduledJob job, Instant scheduledAt, long dueNanos, Effects fx) {
    fire(job, scheduledAt, dueNanos, 1, fx);
  }

  /**
   * A fire that stands for {@code occurrences} scheduled times (a fixed-time cron job's times in a
   * spring-forward gap, all due right after it, as cronie runs them): claimed once, then one task
   * per occurrence, each under the overlap policy, so that under SKIP the second finds the first
   * still running.
   */
  private void fire(
      ScheduledJob job, Instant scheduledAt, long dueNanos, int occurrences, Effects fx) {
    if (job.paused) {
      return;
    }
    if (!store.claimFire(job.name(), scheduledAt, owner)) {
      return;
    }
    for (int i = 0; i < occurrences; i++) {
      ActiveTask earlier =
          OverlapGate.decide(job, job.definition.overlap()) == OverlapGate.Decision.SKIP
              ? job.oldestActive()
              : null;
      if (earlier != null) {
        metrics.skipped(job.name());
        fx.event(
            TaskEvents.skipped(
                job.name(),
                null,
                scheduledAt,
                clock.now(),
                new TaskError("overlap", "skipped: " + earlier.id + " is still " + earlier.state)));
        continue;
      }
      ActiveTask task = tasks.create(job, List.of(), scheduledAt, dueNanos, null, fx);
      job.lastFire = scheduledAt;
      admission.admit(task, fx);
    }
  }

  void saveJobState(ScheduledJob job) {
    store.saveJobState(new JobState(job.name(), job.lastFire, job.nextFire, job.paused));
  }
}
