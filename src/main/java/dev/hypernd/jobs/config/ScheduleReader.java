package dev.hypernd.jobs.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads a job's one schedule and the keys that only make sense with some schedules. */
final class ScheduleReader {
  static final List<String> KEYS = List.of("interval", "cron", "once");

  /**
   * The shortest interval. Each fire starts a process or a task and writes its events; more often
   * than ten times a second, a job keeps a core busy doing that (1ms did), and a loop inside one
   * long-running job does the work better.
   */
  static final Duration MIN_INTERVAL = Duration.ofMillis(100);

  private static final List<String> ONCE_KEYS = List.of("at_start", "delay");

  private final CronCheck cronCheck;
  private final Optional<ZoneId> defaultZone;

  ScheduleReader(CronCheck cronCheck, Optional<ZoneId> defaultZone) {
    this.cronCheck = cronCheck;
    this.defaultZone = defaultZone;
  }

  /**
   * Reports a missing schedule, or every schedule after the first; each present schedule is still
   * read so that its own errors show up too.
   */
  Optional<Schedule> read(Fields job) {
    List<String> present =
        job.exactlyOne(KEYS, "schedule", "no schedule; add one of interval, cron or once");
    List<Optional<Schedule>> schedules =
        present.stream().map(key -> read(key, job.get(key).orElseThrow(), job)).toList();
    if (present.size() != 1) {
      return Optional.empty();
    }
    checkScheduleOptions(job, present.get(0));
    return schedules.get(0);
  }

  private Optional<Schedule> read(String key, Cursor value, Fields job) {
    return switch (key) {
      case "interval" -> interval(value, job);
      case "cron" -> cron(value, job);
      default -> once(value);
    };
  }

  private static Optional<Schedule> interval(Cursor value, Fields job) {
    Optional<Boolean> atStart = job.get("at_start").flatMap(Cursor::bool);
    return value
        .duration()
        .filter(
            every -> {
              if (every.compareTo(MIN_INTERVAL) >= 0) {
                return true;
              }
              value.error(
                  "an interval must be at least "
                      + MIN_INTERVAL.toMillis()
                      + "ms, found "
                      + ((ScalarNode) value.node()).getValue()
                      + " (run a loop inside one job for anything more frequent)");
              return false;
            })
        .map(every -> new IntervalSchedule(every, atStart.orElse(false)));
  }

  private Optional<Schedule> cron(Cursor value, Fields job) {
    Optional<String> expression =
        value
            .text("expected a cron expression such as \"0 3 * * *\"")
            .filter(
                text -> {
                  Optional<String> problem =
                      text.isBlank()
                          ? Optional.of("the expression is empty")
                          : cronCheck.check(text);
                  problem.ifPresent(
                      p -> value.error("invalid cron expression \"" + text + "\": " + p));
                  return problem.isEmpty();
                });
    Optional<ZoneId> zone = job.get("timezone").flatMap(Values::zone);
    Optional<RandomDelay> randomDelay = randomDelay(job);
    if (expression.isEmpty()
        || (job.has("timezone") && zone.isEmpty())
        || (job.has("random_delay") && randomDelay.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        new CronScheduleSpec(
            expression.get(),
            zone.or(() -> defaultZone).orElseGet(ZoneId::systemDefault),
            randomDelay));
  }

  private static Optional<RandomDelay> randomDelay(Fields job) {
    Optional<Duration> max =
        job.get("random_delay")
            .flatMap(
                value ->
                    Values.positiveDuration(value)
                        .filter(
                            delay -> {
                              if (delay.compareTo(RandomDelay.LONGEST) > 0) {
                                value.error(
                                    "random_delay is at most 1d; a longer delay would skip fires");
                                return false;
                              }
                              return true;
                            }));
    Optional<Boolean> perHost =
        job.get("random_delay_seed")
            .flatMap(
                value ->
                    value
                        .text("expected host")
                        .filter(
                            text -> {
                              if (!text.equals("host")) {
                                value.error(
                                    "expected host (a delay fixed for this host and job), found \""
                                        + text
                                        + "\"; leave it out for a new delay at every fire");
                                return false;
                              }
                              return true;
                            })
                        .map(text -> true));
    if (job.has("random_delay_seed") && !job.has("random_delay")) {
      job.atKey("random_delay_seed").error("random_delay_seed needs random_delay");
    }
    return max.map(delay -> new RandomDelay(delay, perHost.orElse(false)));
  }

  private static Optional<Schedule> once(Cursor value) {
    if (value.isNull()) {
      return Optional.of(new OnceSchedule(Duration.ZERO, false));
    }
    Optional<Fields> fields =
        value.mapping("expected a mapping such as {} or {at_start: true, delay: 30s}", ONCE_KEYS);
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    int before = value.errors().count();
    boolean atStart = fields.get().get("at_start").flatMap(Cursor::bool).orElse(false);
    Optional<Duration> delay = fields.get().get("delay").flatMap(Cursor::duration);
    if (delay.isPresent() && !atStart) {
      fields
          .get()
          .atKey("delay")
          .error(
              "delay applies to the run at start, so it needs at_start: true; a submission's delay"
                  + " is given with hypernctl submit --delay");
    }
    return value.errors().count() == before
        ? Optional.of(new OnceSchedule(delay.orElse(Duration.ZERO), atStart))
        : Optional.empty();
  }

  /** {@code at_start}, {@code timezone} and {@code catch_up} fit only some schedules. */
  private static void checkScheduleOptions(Fields job, String kind) {
    if (job.has("at_start") && !kind.equals("interval")) {
      job.atKey("at_start")
          .error(
              kind.equals("once")
                  ? "a once job takes at_start inside once: {at_start: true}"
                  : "at_start is only for interval jobs; a cron job fires at its times");
    }
    if (job.has("timezone") && !kind.equals("cron")) {
      job.atKey("timezone").error("timezone is only for cron jobs (and defaults)");
    }
    for (String key : List.of("random_delay", "random_delay_seed")) {
      if (job.has(key) && !kind.equals("cron")) {
        job.atKey(key).error(key + " is only for cron jobs");
      }
    }
    if (job.has("catch_up") && kind.equals("once")) {
      job.atKey("catch_up").error("catch_up is only for interval and cron jobs");
    }
  }
}
