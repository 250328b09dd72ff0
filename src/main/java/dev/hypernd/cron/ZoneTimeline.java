package dev.hypernd.cron;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offset transitions of one zone as a sorted table, shared by all schedules in that zone.
 * {@link ZoneRules} derives recent and future transitions from yearly rules on every call (a map
 * lookup with a boxed year key, then a search); a bucketed primitive table answers in a couple of
 * comparisons, which matters because every next-fire call asks twice. The table reaches {@value
 * #TABLE_END_YEAR}; later instants are answered by the rules themselves, more slowly but exactly.
 */
final class ZoneTimeline {
  private static final int TABLE_END_YEAR = 2200;
  private static final long TABLE_END =
      LocalDateTime.of(TABLE_END_YEAR, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
  private static final ConcurrentHashMap<ZoneId, ZoneTimeline> BY_ZONE = new ConcurrentHashMap<>();

  // Buckets of 2^22 s (about 48 days) index the table, so a lookup scans one or two entries
  // instead of binary-searching a few hundred.
  private static final int BUCKET_SHIFT = 22;

  private final ZoneRules rules;
  private final long[] instants;
  // For bucket b: index of the first transition at or after instants[0] + (b << BUCKET_SHIFT).
  private final int[] firstInBucket;
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
    this.firstInBucket = bucketIndex(instants);
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
    if (instants.length == 0 || epochSecond < instants[0]) {
      return 0;
    }
    long bucket = (epochSecond - instants[0]) >> BUCKET_SHIFT;
    if (bucket >= firstInBucket.length) {
      return instants.length;
    }
    int index = firstInBucket[(int) bucket];
    while (index < instants.length && instants[index] <= epochSecond) {
      index++;
    }
    return index;
  }

  private static int[] bucketIndex(long[] instants) {
    if (instants.length == 0) {
      return new int[0];
    }
    long base = instants[0];
    int[] first = new int[(int) ((instants[instants.length - 1] - base) >> BUCKET_SHIFT) + 1];
    int index = 0;
    for (int bucket = 0; bucket < first.length; bucket++) {
      long bucketStart = base + ((long) bucket << BUCKET_SHIFT);
      while (instants[index] < bucketStart) {
        index++;
      }
      first[bucket] = index;
    }
    return first;
  }
}
