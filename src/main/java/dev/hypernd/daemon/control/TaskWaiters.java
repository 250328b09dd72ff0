package dev.hypernd.daemon.control;

import dev.hypernd.control.ErrorCode;
import dev.hypernd.control.TaskView;
import dev.hypernd.control.server.ControlException;
import dev.hypernd.engine.TaskEvent;
import dev.hypernd.engine.TaskResult;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Futures for {@code wait}, completed from the engine's monitor when a task reaches a final state.
 * The monitor cannot drop a listener, so one listener serves every waiter; a waiter is forgotten as
 * soon as its future completes in any way, including cancellation by the server.
 */
final class TaskWaiters {
  private final Function<String, Optional<TaskResult>> lookup;
  private final ConcurrentHashMap<String, Set<CompletableFuture<TaskView>>> waiters =
      new ConcurrentHashMap<>();

  TaskWaiters(Function<String, Optional<TaskResult>> lookup) {
    this.lookup = lookup;
  }

  CompletableFuture<TaskView> await(String taskId) {
    CompletableFuture<TaskView> future = new CompletableFuture<>();
    // Registered before the state is read, so a task that finishes in between is not missed.
    waiters.computeIfAbsent(taskId, id -> ConcurrentHashMap.newKeySet()).add(future);
    future.whenComplete((task, error) -> forget(taskId, future));
    Optional<TaskResult> now = lookup.apply(taskId);
    if (now.isEmpty()) {
      future.completeExceptionally(
          new ControlException(ErrorCode.NOT_FOUND, "no task with id " + taskId));
    } else if (now.get().state().isFinished()) {
      future.complete(TaskViews.of(now.get()));
    }
    return future;
  }

  /** The monitor listener: called on engine threads after each transition. */
  void onEvent(TaskEvent event) {
    String id = event.taskId();
    if (id == null || !waiters.containsKey(id)) {
      return;
    }
    lookup
        .apply(id)
        .filter(task -> task.state().isFinished())
        .ifPresent(
            task -> {
              Set<CompletableFuture<TaskView>> set = waiters.get(id);
              if (set != null) {
                TaskView view = TaskViews.of(task);
                set.forEach(f -> f.complete(view));
              }
            });
  }

  int size() {
    return waiters.values().stream().mapToInt(Set::size).sum();
  }

  private void forget(String taskId, CompletableFuture<TaskView> future) {
    waiters.computeIfPresent(
        taskId,
        (id, set) -> {
          set.remove(future);
          return set.isEmpty() ? null : set;
        });
  }
}
