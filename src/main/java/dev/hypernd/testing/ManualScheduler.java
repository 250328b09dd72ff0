package dev.hypernd.testing;

import dev.hypernd.engine.NoSuchTaskException;
import dev.hypernd.engine.TaskEvent;
import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskScheduler;
import dev.hypernd.engine.TaskSchedulerBuilder;
import dev.hypernd.engine.store.InMemoryTaskStore;
import dev.hypernd.engine.store.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link TaskScheduler} driven by hand, for tests of code that schedules with hypernd: it has no
 * thread of its own, task bodies and housekeeping run on the calling thread, and time moves only
 * through {@link #tick(Duration)}, which runs every timer at its due time on the way. A test of a
 * one-hour backoff takes milliseconds, and every state it sees is one it caused.
 *
 * <pre>{@code
 * ManualScheduler hand = new ManualScheduler();
 * TaskScheduler scheduler = hand.scheduler();
 * scheduler.task("email", ctx -> send(ctx.arg(0)), RetryPolicy.builder().maxRetries(3).build());
 * scheduler.start();
 * String id = scheduler.submit("email", List.of("alice"), Duration.ZERO); // ran on this thread
 * hand.tick(Duration.ofMinutes(1)); // its retries, 1 s, 2 s and 4 s later, ran on the way
 * assertEquals(TaskState.COMPLETED, hand.result(id).state());
 * }</pre>
 *
 * <p>Not thread-safe: drive it from one thread, the test's.
 */
public final class ManualScheduler {
  /** Where the clock starts: a Monday, 10:00 UTC. */
  public static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

  private final ManualClock clock = new ManualClock(START);
  private final TaskStore store;
  private final TaskScheduler scheduler;
  private final List<TaskEvent> events = new CopyOnWriteArrayList<>();

  /** Keeping tasks in memory. */
  public ManualScheduler() {
    this(new InMemoryTaskStore());
  }

  public ManualScheduler(TaskStore store) {
    this(store, builder -> {});
  }

  /**
   * @param settings further builder settings, such as {@code retention}; applied last, so they may
   *     replace a hand-driven default too, such as the executor with one the test runs step by step
   */
  public ManualScheduler(TaskStore store, Consumer<TaskSchedulerBuilder> settings) {
    this.store = store;
    TaskSchedulerBuilder builder =
        TaskScheduler.builder()
            .clock(clock)
            .executor(Runnable::run)
            .maintenanceExecutor(Runnable::run)
            .dispatchThread(false)
            .periodicClassLoader(null)
            .store(store);
    settings.accept(builder);
    this.scheduler = builder.build();
    scheduler.monitor().onEvent(events::add);
  }

  /** The scheduler; not started. */
  public TaskScheduler scheduler() {
    return scheduler;
  }

  public ManualClock clock() {
    return clock;
  }

  public TaskStore store() {
    return store;
  }

  /**
   * Moves time forward by {@code d}, running every timer at its due time on the way. Bodies may
   * move the clock themselves, so the target is fixed before the first one runs.
   */
  public void tick(Duration d) {
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

  /** Runs what is due now, without moving time; returns how many timers ran. */
  public int runDue() {
    return scheduler.runDue();
  }

  /**
   * The task {@code id} as it is now.
   *
   * @throws NoSuchTaskException if there is none
   */
  public TaskResult result(String id) {
    return scheduler.getResult(id).orElseThrow(() -> new NoSuchTaskException(id));
  }

  /** Every task event since this scheduler was made, in order. */
  public List<TaskEvent> events() {
    return List.copyOf(events);
  }

  /** The task events of {@code type} since this scheduler was made, in order. */
  public List<TaskEvent> events(TaskEvent.Type type) {
    return events.stream().filter(e -> e.type() == type).toList();
  }
}
