package dev.hypernd.engine;

/**
 * Receives every lifecycle event. Called on the thread where the transition happened (a worker, a
 * dispatch thread, or the caller of submit/cancel), after it has released the task's and the job's
 * locks, and on that thread in the order of the transitions. Listeners run on several threads at
 * once, so a listener must be thread-safe. Keep it quick: a slow listener delays that thread. An
 * exception thrown here is logged and does not affect the task.
 */
@FunctionalInterface
public interface TaskEventListener {
  void onEvent(TaskEvent event);
}
