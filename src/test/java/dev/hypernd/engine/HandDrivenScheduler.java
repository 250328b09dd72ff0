package dev.hypernd.engine;

import dev.hypernd.engine.store.InMemoryTaskStore;
import dev.hypernd.engine.store.TaskStore;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link ManualScheduler} for tests outside this package (the jobs wiring, the daemon): a scheduler
 * without threads whose bodies run on the caller's thread and whose time moves only by {@link
 * #tick}. It is public because driving dispatch needs the scheduler's package-private hooks.
 */
public final class HandDrivenScheduler {
  public static final Instant START = ManualScheduler.START;

  private final ManualClock clock = new ManualClock(START);
  private final TaskScheduler scheduler;

  public HandDrivenScheduler() {
    this(new InMemoryTaskStore());
  }

  public HandDrivenScheduler(TaskStore store) {
    this.scheduler =
        TaskScheduler.builder()
            .clock(clock)
            .executor(Runnable::run)
            .dispatchThread(false)
            .periodicClassLoader(null)
            .store(store)
            .build();
  }

  public TaskScheduler scheduler() {
    return scheduler;
  }

  public ManualClock clock() {
    return clock;
  }

  /** Moves time forward by {@code d}, running every timer at its due time on the way. */
  public void tick(Duration d) {
    ManualScheduler.tick(scheduler, clock, d);
  }
}
