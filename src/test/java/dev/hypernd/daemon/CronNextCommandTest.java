package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CronNextCommandTest {
  private static final InstantSource NOW =
      InstantSource.fixed(Instant.parse("2026-06-15T10:20:30Z"));

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(ZoneId hostZone, String... args) {
    CommandLine cmd = new CommandLine(new CronNextCommand(NOW, hostZone));
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  private int run(String... args) {
    return run(ZoneId.of("UTC"), args);
  }

  private String[] lines() {
    return out.toString().lines().toArray(String[]::new);
  }

  @Test
  void printsIsoDateTimesWithOffsetAndSecondsInTheGivenZone() {
    int code =
        run("0 3 * * *", "--tz", "Europe/Berlin", "--from", "2026-03-28T12:00:00Z", "-n", "3");

    assertThat(code).isZero();
    assertThat(lines())
        .containsExactly(
            "2026-03-29T03:00:00+02:00", "2026-03-30T03:00:00+02:00", "2026-03-31T03:00:00+02:00");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void anInstantIsPrintedOncePerFireAsAfterASpringGap() {
    run("15,45 1-3 * * *", "--tz", "America/New_York", "--from", "2026-03-08T05:00:00Z", "-n", "5");

    assertThat(lines())
        .containsExactly(
            "2026-03-08T01:15:00-05:00",
            "2026-03-08T01:45:00-05:00",
            "2026-03-08T03:00:00-04:00",
            "2026-03-08T03:00:00-04:00",
            "2026-03-08T03:15:00-04:00");
  }

  @Test
  void fromIsExclusive() {
    run("0 3 * * *", "--tz", "UTC", "--from", "2026-03-29T03:00:00Z", "-n", "1");

    assertThat(lines()).containsExactly("2026-03-30T03:00:00Z");
  }

  @Test
  void fromAcceptsAnOffsetDateTime() {
    run("0 3 * * *", "--tz", "UTC", "--from", "2026-03-29T05:00:00+02:00", "-n", "1");

    assertThat(lines()).containsExactly("2026-03-30T03:00:00Z");
  }

  @Test
  void printsFiveByDefaultStartingNowInTheHostZone() {
    int code = run(ZoneId.of("Asia/Kolkata"), "@daily");

    assertThat(code).isZero();
    assertThat(lines())
        .containsExactly(
            "2026-06-16T00:00:00+05:30",
            "2026-06-17T00:00:00+05:30",
            "2026-06-18T00:00:00+05:30",
            "2026-06-19T00:00:00+05:30",
            "2026-06-20T00:00:00+05:30");
  }

  @Test
  void joinsSeveralArgumentsIntoOneExpression() {
    run("0", "3", "*", "*", "*", "--from", "2026-03-29T00:00:00Z", "--count", "1");

    assertThat(lines()).containsExactly("2026-03-29T03:00:00Z");
  }

  @Test
  void fixedTimeJobInTheSpringForwardGapRunsWhenTheGapEnds() {
    int code =
        run("30 2 * * *", "--tz", "America/New_York", "--from", "2026-03-07T12:00:00Z", "-n", "2");

    assertThat(code).isZero();
    assertThat(lines()).containsExactly("2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00");
  }

  @Test
  void wildcardJobRunsInBothPassesOfTheRepeatedHour() {
    run("30 * * * *", "--tz", "America/New_York", "--from", "2026-11-01T04:45:00Z", "-n", "3");

    assertThat(lines())
        .containsExactly(
            "2026-11-01T01:30:00-04:00", "2026-11-01T01:30:00-05:00", "2026-11-01T02:30:00-05:00");
  }

  @Test
  void stopsQuietlyWhenYear9999RunsOut() {
    int code = run("0 0 31 12 *", "--from", "9998-06-01T00:00:00Z", "-n", "5");

    assertThat(code).isZero();
    assertThat(lines()).containsExactly("9998-12-31T00:00:00Z", "9999-12-31T00:00:00Z");
  }

  @Test
  void badExpressionPrintsTheParseErrorAndExitsWith2() {
    int code = run("5/10 * * * *");

    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .startsWith("hypernd next: invalid minute '5/10' at column 1")
        .contains("Valid examples: ");
  }

  @Test
  void rebootIsRejectedWithAHint() {
    assertThat(run("@reboot")).isEqualTo(2);
    assertThat(err.toString()).contains("at_start");
  }

  @Test
  void unknownZoneExitsWith2() {
    assertThat(run("@daily", "--tz", "Mars/Olympus_Mons")).isEqualTo(2);
    assertThat(err.toString()).startsWith("hypernd next: invalid --tz 'Mars/Olympus_Mons'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void badFromExitsWith2() {
    assertThat(run("@daily", "--from", "yesterday")).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("hypernd next: invalid --from 'yesterday'")
        .contains("2026-03-29T00:00:00Z");
  }

  @Test
  void countBelowOneExitsWith2() {
    assertThat(run("@daily", "-n", "0")).isEqualTo(2);
    assertThat(err.toString()).startsWith("hypernd next: invalid count 0");
  }

  @Test
  void countThatIsNotANumberExitsWith2() {
    assertThat(run("@daily", "-n", "many")).isEqualTo(2);
    assertThat(err.toString()).contains("many");
  }

  @Test
  void missingExpressionExitsWith2() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("EXPR");
  }

  @Test
  void helpDescribesTheOptionsAndExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains("--tz=ZONE")
        .contains("--from=INSTANT")
        .contains("-n, --count=COUNT")
        .contains("Exit codes:");
  }
}
