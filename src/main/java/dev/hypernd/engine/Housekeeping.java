package dev.hypernd.engine;

import dev.hypernd.engine.store.TaskStore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes the store to the retention at start and then every {@link Maintenance#every()}. The timer
 * lives in the engine's queue, but the pruning itself is handed to the maintenance executor, so a
 * long prune never holds a dispatch thread; a prune still running when the next is due makes that
 * one a no-op.
 */
final class Housekeeping {
  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  private final TaskStore store;
  private final Maintenance maintenance;
  private final EngineClock clock;
  private final Timers timers;
  private final AtomicBoolean pruning = new AtomicBoolean();

  Housekeeping(TaskStore store, Maintenance maintenance, EngineClock clock, Timers timers) {
    this.store = store;
    this.maintenance = maintenance;
    this.clock = clock;
    this.timers = timers;
  }

  /** Prunes once now and arms the timer. */
  void start(Effects fx) {
    fx.maintain(this::prune);
    arm();
  }

  private void arm() {
    timers.atNanos(
        "housekeeping",
        clock.nanoTime() + maintenance.every().toNanos(),
        fx -> {
          fx.maintain(this::prune);
          arm();
        });
  }

  private void prune() {
    if (!pruning.compareAndSet(false, true)) {
      return;
    }
    try {
      int deleted = store.prune(maintenance.retention(), clock.now());
      if (deleted > 0) {
        log.debug("pruned {} finished task(s) beyond {}", deleted, maintenance.retention());
      }
    } catch (RuntimeException e) {
      log.warn("pruning finished tasks failed; trying again later: {}", e.getMessage());
    } finally {
      pruning.set(false);
    }
  }
}
