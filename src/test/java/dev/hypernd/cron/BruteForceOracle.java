package dev.hypernd.cron;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * The slow, obvious definition of when a schedule fires, written independently of the production
 * code: it walks every whole local minute (and every transition instant) one by one, asking the
 * JDK's {@link ZoneRules} about offsets, and applies the DST rules literally:
 *
 * <ul>
 *   <li>wildcard: fire at instant t iff the local time of t matches;
 *   <li>fixed-time: fire at t iff the local time matches and, when that local time occurs twice, t
 *       is its first occurrence; or t is the instant a gap ends and a local minute inside the gap
 *       matches, once for each such minute ({@link #occurrences}).
 * </ul>
 *
 * Local times after year 9999 never fire.
 */
final class BruteForceOracle {
  private final ExpressionModel model;
  private final ZoneRules rules;

  BruteForceOracle(ExpressionModel model, ZoneId zone) {
    this.model = model;
    this.rules = zone.getRules();
  }

  /** The first fire strictly after {@code after} and not after {@code until}, or null. */
  Instant firstFire(Instant after, Instant until) {
    Instant t = after;
    ZoneOffset offset = rules.getOffset(t);
    ZoneOffsetTransition transition = rules.nextTransition(t);
    while (true) {
      long local = t.getEpochSecond() + offset.getTotalSeconds();
      Instant nextMinute =
          Instant.ofEpochSecond(Math.floorDiv(local, 60) * 60 + 60 - offset.getTotalSeconds());
      boolean atTransition = transition != null && !transition.getInstant().isAfter(nextMinute);
      Instant event = atTransition ? transition.getInstant() : nextMinute;
      if (event.isAfter(until)) {
        return null;
      }
      if (atTransition) {
        offset = transition.getOffsetAfter();
      }
      if (isFire(event, offset, atTransition ? transition : null)) {
        return event;
      }
      if (atTransition) {
        transition = rules.nextTransition(event);
      }
      t = event;
    }
  }

  /** Whether {@code t} is a fire. */
  boolean isFire(Instant t) {
    ZoneOffsetTransition latest = rules.previousTransition(t.plusSeconds(1));
    boolean atTransition = latest != null && latest.getInstant().equals(t);
    return isFire(t, rules.getOffset(t), atTransition ? latest : null);
  }

  private boolean isFire(Instant t, ZoneOffset offset, ZoneOffsetTransition transitionAtT) {
    if (t.getNano() == 0) {
      LocalDateTime local = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, offset);
      if (local.getSecond() == 0 && local.getYear() <= 9999 && model.matches(local)) {
        if (!model.fixedTime()) {
          return true;
        }
        List<ZoneOffset> valid = rules.getValidOffsets(local);
        if (valid.size() == 1 || valid.get(0).equals(offset)) {
          return true;
        }
      }
    }
    return model.fixedTime()
        && transitionAtT != null
        && transitionAtT.isGap()
        && gapHasMatch(transitionAtT);
  }

  /**
   * How many times the schedule fires at {@code t}: 0 if {@code t} is no fire; for a fixed-time
   * schedule at the end of a gap, once for each matching minute in the gap (cronie runs every
   * skipped minute) and once more if the local time at {@code t} matches too; otherwise once.
   */
  int occurrences(Instant t) {
    if (!isFire(t)) {
      return 0;
    }
    ZoneOffsetTransition latest = rules.previousTransition(t.plusSeconds(1));
    if (!model.fixedTime() || latest == null || !latest.getInstant().equals(t) || !latest.isGap()) {
      return 1;
    }
    int inGap = gapMatches(latest);
    if (inGap == 0) {
      return 1;
    }
    LocalDateTime local = latest.getDateTimeAfter();
    boolean own = local.getSecond() == 0 && local.getYear() <= 9999 && model.matches(local);
    return own ? inGap + 1 : inGap;
  }

  private boolean gapHasMatch(ZoneOffsetTransition gap) {
    return gapMatches(gap) > 0;
  }

  private int gapMatches(ZoneOffsetTransition gap) {
    LocalDateTime start = gap.getDateTimeBefore();
    LocalDateTime minute = start.truncatedTo(ChronoUnit.MINUTES);
    if (minute.isBefore(start)) {
      minute = minute.plusMinutes(1);
    }
    int matches = 0;
    for (; minute.isBefore(gap.getDateTimeAfter()); minute = minute.plusMinutes(1)) {
      if (minute.getYear() <= 9999 && model.matches(minute)) {
        matches++;
      }
    }
    return matches;
  }
}
