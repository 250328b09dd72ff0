package dev.hypernd.engine;

import dev.hypernd.engine.store.InMemoryTaskStore;
import dev.hypernd.engine.store.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A scheduler driven by hand: bodies run on the calling thread, time moves only through {@link
 * #tick(Duration)}, and there is no background thread at all.
 */
final class ManualScheduler {
  static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

  final ManualClock clock = new ManualClock(START);
  final TaskStore store;
  final TaskScheduler scheduler;
  final List<TaskEvent> events = new CopyOnWriteArrayList<>();

  ManualScheduler() {
    this(new InMemoryTaskStore());
  }

  ManualScheduler(TaskStore store) {
    this(store, b -> {});
  }

  /** With extra builder settings; housekeeping runs on the calling thread too. */
  ManualScheduler(TaskStore store, Consumer<TaskSchedulerBuilder> settings) {
    this.store = store;
    TaskSchedulerBuilder builder =
        TaskScheduler.builder()
            .clock(clock)
            .executor(Runnable::run)
            .dispatchThread(false)
            .periodicClassLoader(null)
            .maintenanceExecutor(Runnable::run)
            .store(store);
    settings.accept(builder);
    this.scheduler = builder.build();
    scheduler.monitor().onEvent(events::add);
  }

  /** Moves time forward by {@code d}, running every timer at its due time on the way. */
  void tick(Duration d) {
    tick(scheduler, clock, d);
  }

  /**
   * Moves {@code clock} forward by {@code d}, running every timer of {@code scheduler} at its due
   * time on the way. Bodies may move the clock themselves, so the target is absolute.
   */
  static void tick(TaskScheduler scheduler, ManualClock clock, Duration d) {
    long target = clock.nanoTime() + d.toNanos();
    scheduler.runDue();
    while (true) {
      long remaining = target - clock.nanoTime();
      long wait = scheduler.nanosUntilNextDue();
      if (wait > remaining) {
        if (remaining > 0) {
          clock.advance(Duration.ofNanos(remaining));
          scheduler.runDue();
        }
        return;
      }
      clock.advance(Duration.ofNanos(wait));
      scheduler.runDue();
    }
  }

  void runDue() {
    scheduler.runDue();
  }

  TaskResult result(String id) {
    return scheduler.getResult(id).orElseThrow(() -> new AssertionError("no result for " + id));
  }

  List<TaskEvent> events(TaskEvent.Type type) {
    List<TaskEvent> out = new ArrayList<>();
    for (TaskEvent e : events) {
      if (e.type() == type) {
        out.add(e);
      }
    }
    return out;
  }
}
