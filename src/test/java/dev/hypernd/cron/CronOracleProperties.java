package dev.hypernd.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * nextAfter against the brute-force oracle, for generated expressions, instants and zones. The
 * oracle walks minute by minute, so it only looks a bounded horizon ahead; a fire beyond the
 * horizon is checked by running the oracle over a window that ends at that fire.
 */
@Tag("slow")
class CronOracleProperties {
  private static final Duration HORIZON = Duration.ofHours(48);
  private static final Duration WINDOW_BEFORE_FAR_FIRE = Duration.ofHours(24);
  private static final Instant END_OF_YEAR_9999_EVERYWHERE =
      Instant.parse("+10000-01-02T00:00:00Z");

  /** Zones with tricky histories: 30- and 45-minute shifts, midnight shifts, day-long gaps. */
  private static final List<String> SHOWCASE_ZONES =
      List.of(
          "America/New_York",
          "Europe/London",
          "Australia/Lord_Howe",
          "America/Santiago",
          "America/Havana",
          "Asia/Beirut",
          "Africa/Cairo",
          "Africa/Monrovia",
          "Pacific/Apia",
          "Pacific/Kwajalein",
          "Pacific/Kiritimati",
          "Pacific/Chatham",
          "Asia/Tehran",
          "America/St_Johns",
          "Antarctica/Troll",
          "UTC");

  @Property(tries = 50_000)
  void nextAfterIsTheOraclesFirstFire(
      @ForAll("expressions") ExpressionModel model,
      @ForAll("zones") ZoneId zone,
      @ForAll("instants") Instant after) {
    if (!model.canEverFire()) {
      assertRejectedAsNeverFiring(model);
      Statistics.collect("never fires, rejected");
      return;
    }
    Statistics.collect(assertAgreesWithOracle(model, zone, after, after.plus(HORIZON)));
  }

  @Property(tries = 50_000)
  void nextAfterIsTheOraclesFirstFireAroundClockChanges(@ForAll("dstCases") DstCase dstCase) {
    var model = dstCase.model();
    Statistics.label("kind").collect(model.fixedTime() ? "fixed-time" : "wildcard");
    if (!model.canEverFire()) {
      assertRejectedAsNeverFiring(model);
      Statistics.label("outcome").collect("never fires, rejected");
      return;
    }
    Statistics.label("outcome")
        .collect(
            assertAgreesWithOracle(
                model, dstCase.zone(), dstCase.after(), dstCase.after().plus(HORIZON)));
    Optional<Instant> fire =
        CronSchedule.parse(model.text(), dstCase.zone()).nextAfter(dstCase.after());
    Statistics.label("fire relative to the transition")
        .collect(relativeTo(dstCase.transition(), fire));
  }

  /** Each fire around a clock change happens as often as the oracle says: cronie's catch-up. */
  @Property(tries = 20_000)
  void aFireHappensAsOftenAsTheOracleSays(@ForAll("dstCases") DstCase dstCase) {
    var model = dstCase.model();
    if (!model.canEverFire()) {
      return;
    }
    var schedule = CronSchedule.parse(model.text(), dstCase.zone());
    var oracle = new BruteForceOracle(model, dstCase.zone());
    Optional<Instant> fire = schedule.nextAfter(dstCase.after());
    for (int i = 0; i < 3 && fire.isPresent(); i++) {
      int occurrences = schedule.occurrencesAt(fire.get());
      Statistics.collect(occurrences == 1 ? "once" : "more than once");
      assertThat(occurrences)
          .as("fires at %s", fire.get())
          .isEqualTo(oracle.occurrences(fire.get()));
      fire = schedule.nextAfter(fire.get());
    }
  }

  private static String relativeTo(ZoneOffsetTransition transition, Optional<Instant> fire) {
    if (fire.isEmpty()) {
      return "none";
    }
    Duration distance = Duration.between(transition.getInstant(), fire.get()).abs();
    if (distance.isZero()) {
      return (transition.isGap() ? "gap" : "overlap") + ", at the transition instant";
    }
    String kind = transition.isGap() ? "gap" : "overlap";
    return distance.compareTo(Duration.ofHours(3)) <= 0
        ? kind + ", within 3 h of it"
        : kind + ", farther away";
  }

  @Property(tries = 5_000)
  void nextAfterIsExactUpToTheEndOfYear9999(
      @ForAll("expressions") ExpressionModel model,
      @ForAll("zones") ZoneId zone,
      @ForAll("endOf9999") Instant after) {
    if (!model.canEverFire()) {
      return;
    }
    var oracle = new BruteForceOracle(model, zone);
    var expected = Optional.ofNullable(oracle.firstFire(after, END_OF_YEAR_9999_EVERYWHERE));

    assertThat(CronSchedule.parse(model.text(), zone).nextAfter(after)).isEqualTo(expected);
  }

  @Property(tries = 20_000)
  void chainedFiresStrictlyIncreaseAndAreAllFires(
      @ForAll("expressions") ExpressionModel model,
      @ForAll("zones") ZoneId zone,
      @ForAll("instants") Instant from) {
    if (!model.canEverFire()) {
      return;
    }
    var schedule = CronSchedule.parse(model.text(), zone);
    var oracle = new BruteForceOracle(model, zone);
    Instant previous = from;
    for (int i = 0; i < 50; i++) {
      Optional<Instant> next = schedule.nextAfter(previous);
      if (next.isEmpty()) {
        assertThat(previous).isAfter(Instant.parse("9900-01-01T00:00:00Z"));
        return;
      }
      assertThat(next.get()).isAfter(previous);
      assertThat(oracle.isFire(next.get())).as("%s is a fire", next.get()).isTrue();
      previous = next.get();
    }
  }

  @Property(tries = 10_000)
  void blanksDoNotChangeIdentity(@ForAll("expressions") ExpressionModel model) {
    if (!model.canEverFire()) {
      return;
    }
    var spaced = CronExpression.parse("\t " + model.text().replace(" ", "  \t") + "  ");

    assertThat(spaced).isEqualTo(CronExpression.parse(model.text()));
    assertThat(spaced.isFixedTime()).isEqualTo(model.fixedTime());
  }

  /** Asserts and returns how the case was decided, for jqwik's statistics report. */
  private static String assertAgreesWithOracle(
      ExpressionModel model, ZoneId zone, Instant after, Instant horizonEnd) {
    var oracle = new BruteForceOracle(model, zone);
    Instant expected = oracle.firstFire(after, horizonEnd);
    Optional<Instant> actual = CronSchedule.parse(model.text(), zone).nextAfter(after);
    if (expected != null) {
      assertThat(actual).contains(expected);
      return "fire within horizon";
    }
    if (actual.isEmpty()) {
      assertThat(after)
          .as("runs out only near year 9999")
          .isAfter(Instant.parse("9900-01-01T00:00:00Z"));
      return "no fire left before year 10000";
    }
    Instant far = actual.get();
    assertThat(far).isAfter(horizonEnd);
    assertThat(oracle.firstFire(far.minus(WINDOW_BEFORE_FAR_FIRE), far))
        .as("the fire beyond the horizon is a fire and the first in the window before it")
        .isEqualTo(far);
    return "fire beyond horizon";
  }

  private static void assertRejectedAsNeverFiring(ExpressionModel model) {
    var error =
        catchThrowableOfType(CronParseException.class, () -> CronExpression.parse(model.text()));
    assertThat(error).as("never-firing expression is rejected").isNotNull();
    assertThat(error.field()).isEqualTo("day-of-month");
  }

  @Provide
  Arbitrary<ExpressionModel> expressions() {
    return ExpressionArbitraries.expressions();
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(SHOWCASE_ZONES).map(ZoneId::of)),
        Tuple.of(1, Arbitraries.of(ZoneId.getAvailableZoneIds()).map(ZoneId::of)));
  }

  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Instant> common = between("1970-01-01T00:00:00Z", "2100-12-31T23:59:59Z");
    Arbitrary<Instant> beyondTable = between("2190-01-01T00:00:00Z", "2210-12-31T23:59:59Z");
    Arbitrary<Instant> late = between("9990-01-01T00:00:00Z", "9999-12-31T23:59:59Z");
    return withSubMinuteVariety(
        Arbitraries.frequencyOf(
            Tuple.of(85, common), Tuple.of(10, beyondTable), Tuple.of(5, late)));
  }

  @Provide
  Arbitrary<DstCase> dstCases() {
    return DstCase.arbitrary();
  }

  @Provide
  Arbitrary<Instant> endOf9999() {
    return withSubMinuteVariety(between("9999-12-29T00:00:00Z", "+10000-01-01T23:59:59Z"));
  }

  private static Arbitrary<Instant> between(String from, String to) {
    return Arbitraries.longs()
        .between(Instant.parse(from).getEpochSecond(), Instant.parse(to).getEpochSecond())
        .map(Instant::ofEpochSecond);
  }

  /** A third each: on a whole minute, on a random second, with random nanoseconds. */
  private static Arbitrary<Instant> withSubMinuteVariety(Arbitrary<Instant> instants) {
    return Combinators.combine(
            instants,
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(1, 999_999_999))
        .as(
            (instant, kind, nanos) ->
                switch (kind) {
                  case 0 -> instant.minusSeconds(Math.floorMod(instant.getEpochSecond(), 60));
                  case 1 -> instant;
                  default -> instant.plusNanos(nanos);
                });
  }
}
