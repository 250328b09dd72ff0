package dev.hypernd.daemon;

import dev.hypernd.cron.CronParseException;
import dev.hypernd.cron.CronSchedule;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hypernd next}: prints the next fire times of a cron expression. */
@Command(
    name = "next",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the next fire times of a cron expression, one ISO-8601 date-time a line,"
          + " computed by the same code the scheduler uses.",
      "Fixed-time expressions whose times are skipped by a DST change run at the first instant"
          + " after the gap, once for each skipped time (that instant is printed as many times),"
          + " and run once when the time repeats; wildcard expressions follow the wall clock."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:The fire times were printed.",
      "2:Invalid expression, time zone, --from or count."
    })
public final class CronNextCommand implements Callable<Integer> {
  /** Errors start with the command, as Unix tools' do. */
  private static final String PREFIX = "hypernd next: ";

  static final int EXIT_OK = 0;
  static final int EXIT_INVALID = 2;
  private static final DateTimeFormatter OUTPUT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  @Spec private CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "EXPR",
      description =
          "The cron expression as one quoted argument, e.g. \"0 3 * * *\" or @daily;"
              + " several arguments are joined with spaces.")
  private List<String> expression;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      description =
          "IANA time zone of the schedule and of the output, e.g. Europe/Berlin"
              + " (default: the host's zone).")
  private String zone;

  @Option(
      names = "--from",
      paramLabel = "INSTANT",
      description =
          "Print fire times strictly after this ISO-8601 instant (2026-03-29T00:00:00Z) or"
              + " offset date-time (2026-03-29T02:00:00+02:00) (default: now).")
  private String from;

  @Option(
      names = {"-n", "--count"},
      paramLabel = "COUNT",
      defaultValue = "5",
      description = "How many fire times to print (default: ${DEFAULT-VALUE}).")
  private int count;

  private final InstantSource clock;
  private final ZoneId hostZone;

  /** Uses the system clock and the host's time zone. */
  public CronNextCommand() {
    this(InstantSource.system(), ZoneId.systemDefault());
  }

  /** For tests and embedding: {@code clock} supplies "now", {@code hostZone} the default zone. */
  public CronNextCommand(InstantSource clock, ZoneId hostZone) {
    this.clock = clock;
    this.hostZone = hostZone;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (count < 1) {
      err.println(PREFIX + "invalid count " + count + ": -n must be at least 1.");
      return EXIT_INVALID;
    }
    Optional<ZoneId> zoneId = parseZone(err);
    Optional<Instant> start = parseFrom(err);
    if (zoneId.isEmpty() || start.isEmpty()) {
      return EXIT_INVALID;
    }
    CronSchedule schedule;
    try {
      schedule = CronSchedule.parse(String.join(" ", expression), zoneId.get());
    } catch (CronParseException e) {
      String message = e.getMessage();
      err.println(PREFIX + Character.toLowerCase(message.charAt(0)) + message.substring(1));
      return EXIT_INVALID;
    }
    PrintWriter out = spec.commandLine().getOut();
    Instant after = start.get();
    int printed = 0;
    while (printed < count) {
      Optional<Instant> fire = schedule.nextAfter(after);
      if (fire.isEmpty()) {
        break;
      }
      after = fire.get();
      // Once per fire: the times a spring-forward gap skips all fire right after it.
      for (int i = schedule.occurrencesAt(after); i > 0 && printed < count; i--, printed++) {
        out.println(OUTPUT.format(after.atZone(schedule.zone())));
      }
    }
    out.flush();
    return EXIT_OK;
  }

  private Optional<ZoneId> parseZone(PrintWriter err) {
    if (zone == null) {
      return Optional.of(hostZone);
    }
    try {
      return Optional.of(ZoneId.of(zone));
    } catch (DateTimeException e) {
      err.println(
          PREFIX
              + "invalid --tz '"
              + zone
              + "': not a known time zone; use an IANA name such as"
              + " Europe/Berlin, America/New_York or UTC.");
      return Optional.empty();
    }
  }

  private Optional<Instant> parseFrom(PrintWriter err) {
    if (from == null) {
      return Optional.of(clock.instant());
    }
    try {
      return Optional.of(Instant.parse(from));
    } catch (DateTimeParseException notAnInstant) {
      try {
        return Optional.of(OffsetDateTime.parse(from).toInstant());
      } catch (DateTimeParseException notAnOffsetDateTime) {
        err.println(
            PREFIX
                + "invalid --from '"
                + from
                + "': use an ISO-8601 instant such as"
                + " 2026-03-29T00:00:00Z or an offset date-time such as"
                + " 2026-03-29T02:00:00+02:00.");
        return Optional.empty();
      }
    }
  }
}
