package dev.hypernd.engine.store;

import dev.hypernd.engine.TaskResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the engine keeps tasks, the task-id sequence, per-job schedule state and the counters
 * behind the metrics. Implementations must be thread-safe. The engine calls {@link #save} on every
 * state change of a task, so a durable implementation should batch writes (group commit) and make
 * them durable by {@link #flush()}; reads always see the latest save, durable or not.
 *
 * <p>Every implementation passes the contract test {@code TaskStoreContract} in the tests.
 */
public interface TaskStore extends AutoCloseable {

  /**
   * The next number of the task-id sequence: increasing, never reused, also across restarts and
   * crashes. A durable store makes a number durable before handing it out (or reserves blocks of
   * numbers durably); numbers may be skipped after a crash.
   */
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

  /** Inserts or replaces the counters under {@link JobCounters#key()}. */
  void saveCounters(JobCounters counters);

  /** The counters of a job, or of all jobs for {@link JobCounters#TOTAL}. */
  Optional<JobCounters> counters(String key);

  /**
   * Claims the fire of {@code jobName} due at {@code fireTime} for {@code owner}. Exactly one
   * caller wins per (job, fire time), also when several schedulers share the store; the others get
   * {@code false} and must not run it. Fires of a job are claimed in increasing time order, so a
   * fire not later than the job's last claimed one is refused. A store shared between processes
   * does this in one transaction (insert into a unique key, or {@code SELECT ... FOR UPDATE SKIP
   * LOCKED}); a store owned by one process may decide in memory and persist the claim later.
   */
  boolean claimFire(String jobName, Instant fireTime, String owner);

  /**
   * Deletes finished tasks beyond the retention bounds, oldest first. May take a while on a large
   * store: callers run it off the dispatch thread.
   *
   * @return how many were deleted
   */
  int prune(Retention retention, Instant now);

  /**
   * Makes every save so far durable. A no-op for stores that are not durable.
   *
   * @throws StoreException when the changes cannot be written now (a full disk, a read-only file);
   *     the store keeps them in memory and keeps trying
   */
  void flush();

  /** Flushes what it can and releases the store's resources; the store is unusable afterwards. */
  @Override
  void close();
}
