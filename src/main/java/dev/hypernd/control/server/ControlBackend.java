package dev.hypernd.control.server;

import dev.hypernd.control.JobView;
import dev.hypernd.control.NextFires;
import dev.hypernd.control.OutputLineView;
import dev.hypernd.control.ReloadView;
import dev.hypernd.control.StatusView;
import dev.hypernd.control.TaskView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the control socket can ask of the daemon: one method per protocol verb. The daemon
 * implements it (usually with {@link SchedulerControlBackend}) and hands it to {@link
 * ControlServer}; the control layer never sees the daemon itself.
 *
 * <p>Threading: methods are called on the server's worker threads, several at once; they must be
 * thread-safe and should return promptly (a reload may take as long as parsing the job file).
 * {@link #awaitFinished} must not block.
 *
 * <p>Refusals: throw {@link ControlException} with a code ({@code not_found} for an unknown job or
 * task, {@code bad_state} for a task or job in the wrong state), or {@link
 * IllegalArgumentException}, answered as {@code bad_request}. Anything else is answered as {@code
 * internal} and logged. This layer knows nothing of the engine: the daemon's adapter turns the
 * engine's exceptions into these.
 */
public interface ControlBackend {

  /** The daemon, its job file, its last reload and a line per job. */
  StatusView status();

  /** The metrics of design §5 ({@code MetricsSnapshot.toMap()}) for all jobs, or for one job. */
  Map<String, Object> metrics(Optional<String> job);

  TaskView result(String taskId);

  /** Cancels a PENDING, RETRYING or RUNNING task and returns it as it is afterwards. */
  TaskView cancel(String taskId);

  /** Creates a task of {@code job} to run after {@code delay} (zero: now); returns its id. */
  String submit(String job, List<String> args, Duration delay);

  /**
   * At most {@code limit} tasks, newest first, of {@code job} and in {@code state} when given.
   *
   * @param state a state's name as the client gave it; unknown names are a {@code bad_request}
   */
  List<TaskView> tasks(Optional<String> job, Optional<String> state, int limit);

  List<JobView> jobs();

  /**
   * The next {@code count} fire times of {@code job}; none for an on-demand or a paused job.
   *
   * <p>{@code not_found} for an unknown job.
   */
  NextFires next(String job, int count);

  /** Reads the job file again and swaps it in if it is valid (design §7). */
  ReloadView reload();

  JobView pause(String job);

  JobView resume(String job);

  /**
   * A future that completes with the task once it is COMPLETED, FAILED or CANCELLED (at once if it
   * already is), or exceptionally with {@code not_found}. The server cancels the future when the
   * client goes away or its timeout passes; an implementation should then forget it.
   */
  CompletableFuture<TaskView> awaitFinished(String taskId);

  /**
   * The output held for a task: {@code task} (the task), {@code held} (whether the daemon holds its
   * output) and {@code lines} (each an {@link OutputLineView#toData()}), or {@code not_found}.
   */
  Map<String, Object> taskOutput(String taskId);

  /**
   * The newest {@code limit} lines held for {@code job}'s tasks, oldest first; {@code not_found}
   * when no such job is configured and none of its lines are held.
   */
  List<Map<String, Object>> jobOutput(String job, int limit);

  /**
   * Passes the lines held for the task to {@code sink}, then each new one, and completes with the
   * task once it is COMPLETED, FAILED or CANCELLED (at once if it already is), or exceptionally
   * with {@code not_found}. The server cancels the future when the client goes away; the feed must
   * then stop. {@code sink} is called on other threads and must not block. Must not block.
   */
  CompletableFuture<TaskView> followTask(String taskId, Consumer<OutputLineView> sink);

  /**
   * Passes the lines held for {@code job}'s running tasks to {@code sink}, then each new line of
   * any of its tasks, until the server cancels the future (the client went away); {@code not_found}
   * for a job that is not configured. Must not block.
   */
  CompletableFuture<Void> followJob(String job, Consumer<OutputLineView> sink);
}
