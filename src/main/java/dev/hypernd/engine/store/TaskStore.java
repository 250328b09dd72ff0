package dev.hypernd.engine.store;

import dev.hypernd.engine.TaskResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the engine keeps tasks, the task-id sequence and per-job schedule state. Implementations
 * must be thread-safe. The engine calls {@link #save} on every state change of a task, so a durable
 * implementation should batch writes (group commit) and make them durable by {@link #flush()}.
 *
 * <p>Every implementation passes the contract test {@code TaskStoreContract} in the tests.
 */
public interface TaskStore extends AutoCloseable {

  /** The next number of the task-id sequence: increasing, never reused, also across restarts. */
  long nextTaskNumber();

  /** Inserts or replaces the task with this id. */
  void save(TaskResult task);

  Optional<TaskResult> find(String taskId);

  /** Tasks matching {@code query}, newest (highest id) first. */
  List<TaskResult> list(TaskQuery query);

  /** Tasks that are PENDING, RUNNING or RETRYING, oldest first: what a restart must resume. */
  List<TaskResult> unfinished();

  void saveJobState(JobState state);

  Optional<JobState> jobState(String jobName);

  /**
   * Claims the fire of {@code jobName} due at {@code fireTime} for {@code owner}. Exactly one
   * caller wins per (job, fire time), also when several schedulers share the store; the others get
   * {@code false} and must not run it. A durable store does this in one transaction (insert into a
   * unique key, or {@code SELECT ... FOR UPDATE SKIP LOCKED}).
   */
  boolean claimFire(String jobName, Instant fireTime, String owner);

  /**
   * Deletes finished tasks beyond the retention bounds, oldest first.
   *
   * @return how many were deleted
   */
  int prune(Retention retention, Instant now);

  /** Makes every save so far durable. A no-op for stores that are not durable. */
  void flush();

  @Override
  void close();
}
