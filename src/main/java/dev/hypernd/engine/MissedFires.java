package dev.hypernd.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The fires of a schedule that fell due while the scheduler was stopped, worked out from the store
 * at start. A fire up to {@code tolerance} late is not missed: it runs late, as a late fire does
 * while running. Pure functions of their arguments.
 *
 * @param count how many fires were missed (at most the cap for calendars; see {@code more})
 * @param more whether there were more than {@code count}
 * @param first the first missed fire, or {@code null}
 * @param last the latest missed fire found, or {@code null}
 * @param next the first fire not missed; before now when it is late within the tolerance; {@code
 *     null} when the schedule never fires again
 */
record MissedFires(long count, boolean more, Instant first, Instant last, Instant next) {
  static final int CALENDAR_CAP = 10_000;

  /**
   * Fixed-rate fires at {@code phase + k × every} for whole k. {@code phase} is the next fire the
   * earlier run planned: fires from it to now were missed, and the phase is kept.
   */
  static MissedFires interval(Instant phase, Duration every, Instant now, Duration tolerance) {
    long step = every.toNanos();
    Instant oldest = now.minus(tolerance);
    if (!phase.isBefore(oldest)) {
      if (!phase.isAfter(now)) {
        return new MissedFires(0, false, null, null, phase);
      }
      long back = Duration.between(now, phase).toNanos() / step;
      return new MissedFires(0, false, null, null, phase.minusNanos(back * step));
    }
    long gap = Duration.between(phase, oldest).toNanos();
    long count = (gap + step - 1) / step;
    return new MissedFires(
        count, false, phase, phase.plusNanos((count - 1) * step), phase.plusNanos(count * step));
  }

  /** Calendar fires strictly after {@code after}, up to now. */
  static MissedFires calendar(
      JobSchedule.CalendarSchedule schedule, Instant after, Instant now, Duration tolerance) {
    Instant oldest = now.minus(tolerance);
    Optional<Instant> fire = schedule.nextAfter(after);
    long count = 0;
    Instant first = null;
    Instant last = null;
    while (fire.isPresent() && fire.get().isBefore(oldest)) {
      if (count == CALENDAR_CAP) {
        Instant next = schedule.nextAfter(oldest.minusNanos(1)).orElse(null);
        return new MissedFires(count, true, first, last, next);
      }
      count++;
      first = first == null ? fire.get() : first;
      last = fire.get();
      fire = schedule.nextAfter(last);
    }
    return new MissedFires(count, false, first, last, fire.orElse(null));
  }
}
