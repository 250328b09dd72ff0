package dev.hypernd.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a state change under the engine's lock wants done once the lock is released: events to
 * publish, then attempts to hand to the workers, then housekeeping (pruning the store) for the
 * maintenance executor. Keeping all of it outside the lock means a slow listener, a direct executor
 * or a slow store never runs while the engine is locked.
 */
final class Effects {
  private static final Logger log = LoggerFactory.getLogger(Effects.class);

  private final List<TaskEvent> events = new ArrayList<>();
  private final List<Runnable> starts = new ArrayList<>();
  private final List<Runnable> housekeeping = new ArrayList<>();

  void event(TaskEvent event) {
    events.add(event);
  }

  void start(Runnable attempt) {
    starts.add(attempt);
  }

  void maintain(Runnable work) {
    housekeeping.add(work);
  }

  void apply(Monitor monitor, Executor executor, Executor maintenance) {
    monitor.publish(events);
    for (Runnable attempt : starts) {
      try {
        executor.execute(attempt);
      } catch (RejectedExecutionException e) {
        // Only at shutdown: the task stays PENDING/RETRYING, which a durable store resumes.
        log.debug("worker pool refused an attempt during shutdown: {}", e.toString());
      }
    }
    for (Runnable work : housekeeping) {
      try {
        maintenance.execute(work);
      } catch (RejectedExecutionException e) {
        log.debug("maintenance refused work during shutdown: {}", e.toString());
      }
    }
  }
}
