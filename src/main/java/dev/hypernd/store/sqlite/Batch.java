package dev.hypernd.store.sqlite;

import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.store.JobCounters;
import dev.hypernd.engine.store.JobState;
import java.util.List;
import java.util.Map;

/**
 * The changes one transaction writes: the latest version of each changed task, job state and
 * counter row, the claims won, and the id high-water mark to make durable (0: none).
 *
 * @param generation every change saved up to this generation is in this batch or already written
 */
record Batch(
    long generation,
    Map<Long, TaskResult> tasks,
    Map<String, JobState> jobStates,
    Map<String, JobCounters> counters,
    List<TaskRows.Claim> claims,
    long highWater) {

  static final Batch EMPTY = new Batch(0, Map.of(), Map.of(), Map.of(), List.of(), 0);

  boolean isEmpty() {
    return tasks.isEmpty()
        && jobStates.isEmpty()
        && counters.isEmpty()
        && claims.isEmpty()
        && highWater == 0;
  }

  int size() {
    return tasks.size() + jobStates.size() + counters.size() + claims.size();
  }
}
