package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerQueueTest {
  private final TimerQueue queue = new TimerQueue();
  private final List<String> ran = new ArrayList<>();
  private final Instant wall = Instant.parse("2026-01-01T00:00:00Z");

  private void runDue(long nanos, Instant at) {
    for (TimerQueue.Timer t : queue.pollDue(nanos, at)) {
      t.run(new Effects());
    }
  }

  @Test
  void monotonicTimersRunInDeadlineOrderAcrossWrapAround() {
    long near = Long.MAX_VALUE - 10;
    queue.atNanos(near + 20, fx -> ran.add("after-wrap"));
    queue.atNanos(near + 5, fx -> ran.add("before-wrap"));
    assertThat(queue.nanosUntilNext(near, wall)).isEqualTo(5);
    runDue(near + 4, wall);
    assertThat(ran).isEmpty();
    runDue(near + 20, wall);
    assertThat(ran).containsExactly("before-wrap", "after-wrap");
  }

  @Test
  void wallTimersFollowTheWallClock() {
    queue.atWall(wall.plusSeconds(60), fx -> ran.add("cron"));
    assertThat(queue.nanosUntilNext(0, wall)).isEqualTo(60_000_000_000L);
    runDue(Long.MAX_VALUE / 2, wall.plusSeconds(59));
    assertThat(ran).isEmpty();
    runDue(0, wall.plusSeconds(60));
    assertThat(ran).containsExactly("cron");
  }

  @Test
  void cancelledTimersNeverRunAndArePurged() {
    List<TimerQueue.Timer> timers = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      timers.add(queue.atNanos(1000 + i, fx -> ran.add("x")));
    }
    timers.forEach(TimerQueue.Timer::cancel);
    assertThat(queue.size()).isLessThan(5000);
    runDue(1_000_000, wall);
    assertThat(ran).isEmpty();
    assertThat(queue.nanosUntilNext(0, wall)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void emptyQueueHasNothingDue() {
    assertThat(queue.nanosUntilNext(0, wall)).isEqualTo(Long.MAX_VALUE);
  }
}
