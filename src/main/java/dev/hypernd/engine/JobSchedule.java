package dev.hypernd.engine;

import dev.hypernd.cron.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** When a job's tasks are created: at a fixed rate, on a calendar, or only when submitted. */
public sealed interface JobSchedule {

  /** Every {@code every}, on the monotonic clock, first one interval after registration. */
  static JobSchedule every(Duration every) {
    return new Interval(every, false);
  }

  /** A calendar schedule such as a cron expression in a zone. */
  static JobSchedule calendar(CalendarSchedule schedule) {
    return new Calendar(schedule, schedule.toString());
  }

  /**
   * A five-field cron expression in {@code zone}, with cronie's day and DST rules.
   *
   * @throws dev.hypernd.cron.CronParseException when the expression is invalid or never fires
   */
  static JobSchedule cron(String expression, ZoneId zone) {
    return new Calendar(
        CalendarSchedule.of(CronSchedule.parse(expression, zone)), expression + " " + zone);
  }

  /** No fires of its own; tasks are created by {@link TaskScheduler#submit}. */
  static JobSchedule onDemand() {
    return OnDemand.INSTANCE;
  }

  /**
   * Fixed-rate: the n-th fire is due at registration + n × {@code every} on the monotonic clock (no
   * drift). With {@code atStart}, fire 0 is due at registration.
   */
  record Interval(Duration every, boolean atStart) implements JobSchedule {
    public Interval {
      Objects.requireNonNull(every, "every");
      if (every.isNegative() || every.isZero()) {
        throw new IllegalArgumentException("interval (" + every + ") must be positive");
      }
    }
  }

  /**
   * Fires at the instants the calendar schedule gives, checked against wall time.
   *
   * @param description how people read the schedule, such as {@code 0 3 * * * Europe/Berlin}
   */
  record Calendar(CalendarSchedule schedule, String description) implements JobSchedule {
    public Calendar {
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(description, "description");
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** Tasks only by submission. */
  enum OnDemand implements JobSchedule {
    INSTANCE
  }

  /** A pure function from an instant to the next fire strictly after it. */
  interface CalendarSchedule {
    /** The next fire strictly after {@code after}, or empty when there is none. */
    Optional<Instant> nextAfter(Instant after);

    /**
     * How many scheduled times {@code fire}, an instant {@link #nextAfter} returned, stands for:
     * each is a task of its own, under the job's overlap policy. 1 unless several wall times
     * collapse into one instant, as a fixed-time cron job's times in a spring-forward gap do.
     */
    default int occurrencesAt(Instant fire) {
      return 1;
    }

    /** The fires of a cron schedule, each as often as it fires. */
    static CalendarSchedule of(CronSchedule cron) {
      Objects.requireNonNull(cron, "cron");
      return new CalendarSchedule() {
        @Override
        public Optional<Instant> nextAfter(Instant after) {
          return cron.nextAfter(after);
        }

        @Override
        public int occurrencesAt(Instant fire) {
          return cron.occurrencesAt(fire);
        }
      };
    }
  }
}
