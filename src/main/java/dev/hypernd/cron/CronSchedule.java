package dev.hypernd.cron;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Objects;
import java.util.Optional;

/**
 * A cron expression evaluated in an IANA time zone. Immutable and thread-safe; a schedule never
 * reads a clock, the caller passes the instant to start from.
 *
 * <p>Clock changes follow cronie: a fixed-time expression (see {@link
 * CronExpression#isFixedTime()}) whose wall times are skipped by a spring-forward gap fires at the
 * first instant after the gap, once for each of them ({@link #occurrencesAt}); in a fall-back
 * overlap it fires only at the first occurrence. Any other expression follows the wall clock:
 * skipped times do not fire, repeated times fire in both passes.
 */
public final class CronSchedule {
  // Latest instant at which a local time in year 9999 can occur (offsets reach -18:00).
  static final long LAST_POSSIBLE_FIRE =
      LocalDateTime.of(NextFireCalculator.MAX_YEAR + 1, 1, 1, 0, 0)
          .toEpochSecond(ZoneOffset.ofHours(-18));

  private final CronExpression expression;
  private final ZoneId zone;
  // Exactly one of the two is used: a fixed offset needs no transition lookups at all.
  private final int fixedOffset;
  private final DstResolver resolver;

  CronSchedule(CronExpression expression, ZoneId zone) {
    this.expression = Objects.requireNonNull(expression, "expression");
    this.zone = Objects.requireNonNull(zone, "zone");
    ZoneRules rules = zone.getRules();
    if (rules.isFixedOffset()) {
      this.fixedOffset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
      this.resolver = null;
    } else {
      this.fixedOffset = 0;
      this.resolver =
          new DstResolver(expression.calculator(), ZoneTimeline.of(zone), expression.isFixedTime());
    }
  }

  /**
   * Parses {@code text} as a {@link CronExpression} evaluated in {@code zone}.
   *
   * @throws CronParseException when the expression is invalid or can never fire
   */
  public static CronSchedule parse(String text, ZoneId zone) {
    return CronExpression.parse(text).in(zone);
  }

  public CronExpression expression() {
    return expression;
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * The first fire strictly after {@code after}. Feeding each result back in yields a strictly
   * increasing sequence. Empty only when no fire remains up to the end of local year 9999.
   */
  public Optional<Instant> nextAfter(Instant after) {
    long afterSecond = Objects.requireNonNull(after, "after").getEpochSecond();
    if (afterSecond >= LAST_POSSIBLE_FIRE) {
      return Optional.empty();
    }
    long fire;
    if (resolver == null) {
      long local =
          expression.calculator().nextMatch(Math.floorDiv(afterSecond + fixedOffset, 60) * 60 + 60);
      fire = local == NextFireCalculator.NO_MATCH ? DstResolver.NO_FIRE : local - fixedOffset;
    } else {
      fire = resolver.nextAfter(afterSecond);
    }
    return fire == DstResolver.NO_FIRE
        ? Optional.empty()
        : Optional.of(Instant.ofEpochSecond(fire));
  }

  /**
   * How many times the schedule fires at {@code fire}, an instant {@link #nextAfter} returned: 1,
   * except right after a spring-forward gap, where a fixed-time expression fires once for each of
   * its wall times the gap skipped (plus once for the wall time right after the gap, if that
   * matches too). {@code 15,45 1-3 * * *} in America/New_York fires twice at 03:00 on 8 March 2026,
   * for 02:15 and 02:45, as cronie runs both right after the gap. Feeding the fires of {@code
   * nextAfter} in still yields each instant once: this says how often to fire there.
   */
  public int occurrencesAt(Instant fire) {
    long second = Objects.requireNonNull(fire, "fire").getEpochSecond();
    return resolver == null || fire.getNano() != 0 ? 1 : resolver.occurrencesAt(second);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CronSchedule
        && ((CronSchedule) other).expression.equals(expression)
        && ((CronSchedule) other).zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return 31 * expression.hashCode() + zone.hashCode();
  }

  /** The expression text followed by the zone, e.g. {@code 0 3 * * * (Europe/Berlin)}. */
  @Override
  public String toString() {
    return expression + " (" + zone + ")";
  }
}
