package dev.hypernd.cron;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offset transitions of one zone as a sorted table, shared by all schedules in that zone.
 * {@link ZoneRules} derives yearly transitions from rules on every call (with a cache lookup and
 * boxing per year); a binary search over a primitive array is several times cheaper. The table
 * reaches {@value #TABLE_END_YEAR}; later instants are answered by the rules themselves.
 */
final class ZoneTimeline {
  private static final int TABLE_END_YEAR = 2200;
  private static final long TABLE_END =
      LocalDateTime.of(TABLE_END_YEAR, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
  private static final ConcurrentHashMap<ZoneId, ZoneTimeline> BY_ZONE = new ConcurrentHashMap<>();

  private final ZoneRules rules;
  private final long[] instants;
  private final ZoneOffsetTransition[] transitions;
  // Every transition before this epoch second is in the table.
  private final long completeUntil;

  private ZoneTimeline(ZoneRules rules) {
    this.rules = rules;
    List<ZoneOffsetTransition> table = new ArrayList<>(rules.getTransitions());
    boolean ruleBased = !rules.getTransitionRules().isEmpty();
    if (ruleBased && !table.isEmpty()) {
      ZoneOffsetTransition next = rules.nextTransition(table.get(table.size() - 1).getInstant());
      while (next != null && next.toEpochSecond() < TABLE_END) {
        table.add(next);
        next = rules.nextTransition(next.getInstant());
      }
    }
    this.transitions = table.toArray(new ZoneOffsetTransition[0]);
    this.instants = table.stream().mapToLong(ZoneOffsetTransition::toEpochSecond).toArray();
    if (!ruleBased) {
      this.completeUntil = Long.MAX_VALUE;
    } else {
      // Rules without any recorded history do not occur in tzdb; ask the rules directly then.
      this.completeUntil = table.isEmpty() ? Long.MIN_VALUE : TABLE_END;
    }
  }

  /** The shared timeline of a zone whose offset is not fixed. */
  static ZoneTimeline of(ZoneId zone) {
    return BY_ZONE.computeIfAbsent(zone, z -> new ZoneTimeline(z.getRules()));
  }

  /** The latest transition at or before {@code epochSecond}, or null. */
  ZoneOffsetTransition latestAtOrBefore(long epochSecond) {
    if (epochSecond < completeUntil) {
      int index = firstIndexAfter(epochSecond) - 1;
      return index < 0 ? null : transitions[index];
    }
    // previousTransition excludes its argument itself, hence the extra second.
    return rules.previousTransition(Instant.ofEpochSecond(epochSecond + 1));
  }

  /** The earliest transition strictly after {@code epochSecond}, or null. */
  ZoneOffsetTransition firstAfter(long epochSecond) {
    int index = firstIndexAfter(epochSecond);
    if (index < transitions.length) {
      return transitions[index];
    }
    if (completeUntil == Long.MAX_VALUE) {
      return null;
    }
    return rules.nextTransition(Instant.ofEpochSecond(epochSecond));
  }

  /** The offset in seconds in force at {@code epochSecond}. */
  int offsetAt(long epochSecond, ZoneOffsetTransition latest, ZoneOffsetTransition next) {
    if (latest != null) {
      return latest.getOffsetAfter().getTotalSeconds();
    }
    if (next != null) {
      return next.getOffsetBefore().getTotalSeconds();
    }
    return rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
  }

  private int firstIndexAfter(long epochSecond) {
    int index = Arrays.binarySearch(instants, epochSecond);
    return index < 0 ? -index - 1 : index + 1;
  }
}
