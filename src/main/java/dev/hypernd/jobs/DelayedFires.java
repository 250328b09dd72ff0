package dev.hypernd.jobs;

import dev.hypernd.engine.JobSchedule;
import dev.hypernd.jobs.config.RandomDelay;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A calendar schedule whose every fire is delayed by {@code random_delay}. The delay of a fire is a
 * function of the fire (and the job, and a seed), not a draw at run time, so the schedule stays a
 * pure function: {@code hypernctl next} shows the delayed times the daemon will use, and the
 * engine's catch-up and missed-fire logic work unchanged.
 *
 * <p>With a delay that can exceed the gap between fires, two fires can swap places; the schedule
 * still gives each delayed fire once, in time order.
 */
final class DelayedFires implements JobSchedule.CalendarSchedule {
  // Fires looked at per call at most: a random_delay of a day on a minutely job is 1,440.
  private static final int MAX_CANDIDATES = 100_000;

  private final JobSchedule.CalendarSchedule fires;
  private final long maxMillis;
  private final boolean perHost;
  private final long seed;

  /**
   * @param seed the host's identity (with {@code random_delay_seed: host}) or the daemon run's
   *     random seed, mixed with the job's name
   */
  DelayedFires(JobSchedule.CalendarSchedule fires, RandomDelay delay, String job, String seed) {
    this.fires = Objects.requireNonNull(fires, "fires");
    this.maxMillis = delay.max().toMillis();
    this.perHost = delay.perHost();
    this.seed = hash(seed + "\0" + job);
  }

  @Override
  public Optional<Instant> nextAfter(Instant after) {
    Instant best = null;
    Optional<Instant> fire = fires.nextAfter(after.minusMillis(maxMillis));
    for (int i = 0; fire.isPresent() && i < MAX_CANDIDATES; i++) {
      Instant due = fire.get();
      if (best != null && !due.isBefore(best)) {
        break; // a later fire is delayed at least to its own time, past the best
      }
      Instant delayed = due.plusMillis(delayOf(due));
      if (delayed.isAfter(after) && (best == null || delayed.isBefore(best))) {
        best = delayed;
      }
      fire = fires.nextAfter(due);
    }
    return Optional.ofNullable(best);
  }

  /**
   * As often as the fire it delays: the times of a fixed-time cron job in a spring-forward gap all
   * fire right after it, and so all at that instant's delayed time.
   */
  @Override
  public int occurrencesAt(Instant fire) {
    Optional<Instant> due = fires.nextAfter(fire.minusMillis(maxMillis));
    for (int i = 0; due.isPresent() && !due.get().isAfter(fire) && i < MAX_CANDIDATES; i++) {
      if (due.get().plusMillis(delayOf(due.get())).equals(fire)) {
        return fires.occurrencesAt(due.get());
      }
      due = fires.nextAfter(due.get());
    }
    return 1;
  }

  /** In {@code [0, random_delay)} milliseconds. */
  long delayOf(Instant fire) {
    long mixed =
        perHost ? seed : mix(seed ^ mix(fire.getEpochSecond() * 1_000_003L + fire.getNano()));
    return Math.floorMod(mixed, maxMillis);
  }

  /** SplitMix64's finaliser: neighbouring fires get unrelated delays. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
