package dev.hypernd.engine.store;

import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskState;
import java.util.Optional;

/**
 * A filter over tasks. Null fields match everything.
 *
 * @param job only tasks of this job
 * @param state only tasks in this state
 * @param limit at most this many, newest first (must be positive)
 */
public record TaskQuery(String job, TaskState state, int limit) {
  public TaskQuery {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit (" + limit + ") must be positive");
    }
  }

  public static TaskQuery all(int limit) {
    return new TaskQuery(null, null, limit);
  }

  public Optional<String> jobFilter() {
    return Optional.ofNullable(job);
  }

  public boolean matches(TaskResult task) {
    return (job == null || job.equals(task.taskName())) && (state == null || state == task.state());
  }
}
