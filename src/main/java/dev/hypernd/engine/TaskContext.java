package dev.hypernd.engine;

import java.time.Instant;
import java.util.List;

/**
 * What a running attempt knows about itself.
 *
 * @param taskId the task's id, {@code sched-N}
 * @param jobName the job the task belongs to
 * @param attempt 1 for the first attempt, 2 for the first retry, and so on
 * @param args the positional arguments given at submission (empty for scheduled fires)
 * @param scheduledAt when the task was due
 */
public record TaskContext(
    String taskId, String jobName, int attempt, List<Object> args, Instant scheduledAt) {
  public TaskContext {
    args = List.copyOf(args);
  }

  /** The argument at {@code index}, for bodies that take positional arguments. */
  public Object arg(int index) {
    if (index < 0 || index >= args.size()) {
      throw new IllegalArgumentException(
          "task " + taskId + " has " + args.size() + " argument(s), no argument #" + index);
    }
    return args.get(index);
  }
}
