package dev.hypernd.cron;

import java.time.zone.ZoneOffsetTransition;

/**
 * Turns matching local times into fire instants in a zone with offset changes, following the DST
 * rules cronie documents.
 *
 * <p>Time is cut into segments between transitions; inside a segment the offset is constant, so
 * local time and instants advance together and the local search applies directly. At a transition:
 *
 * <ul>
 *   <li>gap (clocks jump forward): wall times inside it do not exist. A wildcard job skips them; a
 *       fixed-time job whose time falls inside fires at the transition instant, which is the first
 *       instant after the gap: once for each of its times in the gap, as cronie's catch-up runs
 *       every skipped minute ({@link #occurrencesAt}). {@link #nextAfter} gives that instant once.
 *   <li>overlap (clocks fall back): wall times repeat. A wildcard job fires in both passes; a
 *       fixed-time job only in the first, so the next segment resumes after the repeated range.
 * </ul>
 *
 * The rules apply to every offset change alike, whatever its size or cause: the 30-minute shifts of
 * Lord Howe, changes of standard offset, and whole skipped days such as Samoa's in 2011. Every
 * result is strictly after the argument, so chained calls always advance.
 */
final class DstResolver {
  static final long NO_FIRE = Long.MAX_VALUE;

  private final NextFireCalculator calculator;
  private final ZoneTimeline timeline;
  private final boolean fixedTime;

  DstResolver(NextFireCalculator calculator, ZoneTimeline timeline, boolean fixedTime) {
    this.calculator = calculator;
    this.timeline = timeline;
    this.fixedTime = fixedTime;
  }

  /** The first fire strictly after {@code after} (epoch seconds), or {@link #NO_FIRE}. */
  long nextAfter(long after) {
    ZoneOffsetTransition latest = timeline.latestAtOrBefore(after);
    ZoneOffsetTransition next = timeline.firstAfter(after);
    int offset = timeline.offsetAt(after, latest, next);
    // Fires fall on whole local minutes; the first one strictly after `after` in this segment.
    long lowest = Math.floorDiv(after + offset, 60) * 60 + 60;
    if (fixedTime && latest != null && latest.isOverlap()) {
      lowest = Math.max(lowest, ceilMinute(localEndOfRepeat(latest)));
    }
    // NO_MATCH (no match before the end of year 9999) is Long.MAX_VALUE, later than any segment:
    // it still goes on to the next segment, because after an overlap local time starts earlier
    // again and the repeated hour can match (the second 02:00-02:59 of 9999-10-31 in Europe).
    long local = calculator.nextMatch(lowest);
    while (true) {
      if (next == null) {
        return local == NextFireCalculator.NO_MATCH ? NO_FIRE : local - offset;
      }
      long transition = next.toEpochSecond();
      if (local < transition + offset) {
        return local - offset;
      }
      if (local == NextFireCalculator.NO_MATCH && transition > CronSchedule.LAST_POSSIBLE_FIRE) {
        return NO_FIRE;
      }
      int offsetAfter = next.getOffsetAfter().getTotalSeconds();
      long segmentLowest;
      if (offsetAfter > offset) {
        if (fixedTime) {
          // `local` is the first match at or after `lowest`; it is also the first match in the gap
          // unless this segment's lower bound already lies beyond the gap's start.
          long gapStart = ceilMinute(transition + offset);
          long firstInGap = lowest <= gapStart ? local : calculator.nextMatch(gapStart);
          if (firstInGap < transition + offsetAfter) {
            return transition;
          }
        }
        segmentLowest = ceilMinute(transition + offsetAfter);
      } else if (fixedTime) {
        // Skip the second pass through the repeated range, which ends at transition + offset.
        segmentLowest = ceilMinute(transition + offset);
      } else {
        segmentLowest = ceilMinute(transition + offsetAfter);
      }
      // `local` stays valid when it is the first match at or after the new lower bound too.
      if (local < segmentLowest || lowest > segmentLowest) {
        local = calculator.nextMatch(segmentLowest);
      }
      lowest = segmentLowest;
      offset = offsetAfter;
      next = timeline.firstAfter(transition);
    }
  }

  /**
   * How many of the schedule's wall times fire at {@code fire} (epoch seconds), a fire that {@link
   * #nextAfter} returned: 1, except where a fixed-time schedule's times fall in a spring-forward
   * gap that ends at {@code fire}; each of them fires then, and so does the wall time right after
   * the gap if it matches too.
   */
  int occurrencesAt(long fire) {
    if (!fixedTime) {
      return 1;
    }
    ZoneOffsetTransition transition = timeline.latestAtOrBefore(fire);
    if (transition == null || transition.toEpochSecond() != fire || !transition.isGap()) {
      return 1;
    }
    long gapEnd = fire + transition.getOffsetAfter().getTotalSeconds();
    int inGap = 0;
    long local =
        calculator.nextMatch(ceilMinute(fire + transition.getOffsetBefore().getTotalSeconds()));
    while (local < gapEnd) {
      inGap++;
      local = calculator.nextMatch(local + 60);
    }
    if (inGap == 0) {
      return 1;
    }
    return local == gapEnd ? inGap + 1 : inGap;
  }

  /** Local time (in local epoch seconds) at which the repeated range of an overlap ends. */
  private static long localEndOfRepeat(ZoneOffsetTransition overlap) {
    return overlap.toEpochSecond() + overlap.getOffsetBefore().getTotalSeconds();
  }

  private static long ceilMinute(long localSecond) {
    return -Math.floorDiv(-localSecond, 60) * 60;
  }
}
