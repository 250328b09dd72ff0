package dev.hypernd.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What a state change wants done once its locks are released: tasks that reached a final state
 * (their job's slot is freed, which may start a queued task), events to publish, attempts to hand
 * to the workers, and housekeeping for the maintenance executor. {@link Outlet} does it, in that
 * order, so a slow listener, a direct executor or a slow store never runs while a job or a task is
 * locked. One instance belongs to one operation on one thread.
 */
final class Effects {
  /** An attempt handed out: the task and the token it must still hold when the worker starts. */
  record Ticket(ActiveTask task, int token) {}

  private final List<ActiveTask> ended = new ArrayList<>();
  private final List<TaskEvent> events = new ArrayList<>();
  private final List<Ticket> starts = new ArrayList<>();
  private final List<Runnable> housekeeping = new ArrayList<>();

  void ended(ActiveTask task) {
    ended.add(task);
  }

  void event(TaskEvent event) {
    events.add(event);
  }

  void start(Ticket attempt) {
    starts.add(attempt);
  }

  void maintain(Runnable work) {
    housekeeping.add(work);
  }

  /** Takes the tasks that ended since the last call. */
  List<ActiveTask> takeEnded() {
    if (ended.isEmpty()) {
      return List.of();
    }
    List<ActiveTask> out = List.copyOf(ended);
    ended.clear();
    return out;
  }

  List<TaskEvent> events() {
    return events;
  }

  List<Ticket> starts() {
    return starts;
  }

  List<Runnable> housekeeping() {
    return housekeeping;
  }
}
