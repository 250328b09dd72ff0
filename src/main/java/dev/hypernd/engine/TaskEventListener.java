package dev.hypernd.engine;

/**
 * Receives every lifecycle event. Called on the thread where the transition happened (a worker, the
 * dispatch thread, or the caller of submit/cancel), after the engine's lock is released, in order
 * for any one task. Keep it quick: a slow listener delays that thread. An exception thrown here is
 * logged and does not affect the task.
 */
@FunctionalInterface
public interface TaskEventListener {
  void onEvent(TaskEvent event);
}
