package dev.hypernd.cron;

import dev.hypernd.cron.ExpressionModel.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * A generated case around one clock change: the zone, the transition, a starting point up to 30
 * hours before it, and an expression whose hour and minute often sit right at the transition.
 */
record DstCase(ZoneId zone, ZoneOffsetTransition transition, Instant after, ExpressionModel model) {

  /** Every zone that still changes its clocks each year, so transitions exist up to 9999. */
  private static final List<ZoneId> ZONES_WITH_YEARLY_CHANGES =
      new TreeSet<>(ZoneId.getAvailableZoneIds())
          .stream()
              .map(ZoneId::of)
              .filter(zone -> !zone.getRules().getTransitionRules().isEmpty())
              .toList();

  static Arbitrary<DstCase> arbitrary() {
    Arbitrary<Integer> years =
        Arbitraries.frequencyOf(
            Tuple.of(80, Arbitraries.integers().between(1970, 2100)),
            Tuple.of(10, Arbitraries.integers().between(2195, 2205)),
            Tuple.of(10, Arbitraries.integers().between(9990, 9999)));
    // The expression comes from the shared generator; its hour and minute fields are then often
    // replaced by the local times around the transition, mapped rather than flat-mapped because
    // a fresh arbitrary per sample makes jqwik recompute edge cases every time.
    return Combinators.combine(
            Arbitraries.of(ZONES_WITH_YEARLY_CHANGES),
            years,
            Arbitraries.integers().between(0, 364),
            Arbitraries.longs().between(0, 30 * 3600L),
            Arbitraries.of(0, 0, 0, 17, 59),
            ExpressionArbitraries.expressions(),
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, 7))
        .as(
            (zone, year, dayOfYear, secondsBefore, extraSeconds, model, hourKind, minuteKind) -> {
              Instant yearDay =
                  LocalDate.ofYearDay(year, 1 + dayOfYear).atStartOfDay().toInstant(ZoneOffset.UTC);
              ZoneOffsetTransition transition = zone.getRules().nextTransition(yearDay);
              Instant after =
                  Instant.ofEpochSecond(
                      Math.floorDiv(transition.toEpochSecond() - secondsBefore, 60) * 60
                          + extraSeconds);
              ExpressionModel near =
                  new ExpressionModel(
                      minuteNear(transition, minuteKind, model.minute()),
                      hourNear(transition, hourKind, model.hour()),
                      model.dayOfMonth(),
                      model.month(),
                      model.dayOfWeek());
              return new DstCase(zone, transition, after, near);
            });
  }

  private static Field hourNear(ZoneOffsetTransition transition, int kind, Field generated) {
    int before = transition.getDateTimeBefore().getHour();
    int later = transition.getDateTimeAfter().getHour();
    return switch (kind) {
      case 2 -> numbers(before, before, 1);
      case 3 -> numbers(later, later, 1);
      case 4 -> numbers((before + 23) % 24, (before + 23) % 24, 1);
      case 5 -> numbers(Math.min(before, later), Math.max(before, later), 1);
      default -> generated;
    };
  }

  private static Field minuteNear(ZoneOffsetTransition transition, int kind, Field generated) {
    int before = transition.getDateTimeBefore().getMinute();
    int later = transition.getDateTimeAfter().getMinute();
    return switch (kind) {
      case 3 -> numbers(before, before, 1);
      case 4 -> numbers(later, later, 1);
      case 5 -> new Field("0,30", 1L | 1L << 30);
      case 6 -> numbers(15, 45, 15);
      case 7 -> new Field("*/30", 1L | 1L << 30);
      default -> generated;
    };
  }

  /** "low-high/step", or just "low" when the range has one value. */
  private static Field numbers(int low, int high, int step) {
    long values = 0;
    for (int v = low; v <= high; v += step) {
      values |= 1L << v;
    }
    String text =
        low == high ? Integer.toString(low) : low + "-" + high + (step == 1 ? "" : "/" + step);
    return new Field(text, values);
  }

  @Override
  public String toString() {
    return model + " in " + zone + " after " + after + " (" + transition + ")";
  }
}
