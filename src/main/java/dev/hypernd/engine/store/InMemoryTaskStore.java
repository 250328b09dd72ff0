package dev.hypernd.engine.store;

import dev.hypernd.engine.TaskIds;
import dev.hypernd.engine.TaskResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A store that lives and dies with the process. Memory stays bounded: beyond {@code maxFinished}
 * finished tasks, the oldest finished ones are dropped.
 */
public final class InMemoryTaskStore implements TaskStore {
  public static final int DEFAULT_MAX_FINISHED = 10_000;

  private final int maxFinished;
  private final TreeMap<Long, TaskResult> tasks = new TreeMap<>();
  private final TreeMap<Long, TaskResult> finished = new TreeMap<>();
  private final Map<String, JobState> jobStates = new HashMap<>();
  private final Map<String, JobCounters> counters = new HashMap<>();
  // Fires of one job are claimed in increasing time order, so the last claim per job suffices.
  private final Map<String, Instant> lastClaims = new HashMap<>();
  private long sequence;

  public InMemoryTaskStore() {
    this(DEFAULT_MAX_FINISHED);
  }

  public InMemoryTaskStore(int maxFinished) {
    if (maxFinished <= 0) {
      throw new IllegalArgumentException("maxFinished (" + maxFinished + ") must be positive");
    }
    this.maxFinished = maxFinished;
  }

  @Override
  public synchronized long nextTaskNumber() {
    return ++sequence;
  }

  @Override
  public synchronized void save(TaskResult task) {
    long key = task.sequenceNumber();
    if (key <= 0) {
      throw new IllegalArgumentException(
          "task id " + task.taskId() + " is not of the form sched-N");
    }
    tasks.put(key, task);
    if (task.state().isFinished()) {
      finished.put(key, task);
      while (finished.size() > maxFinished) {
        tasks.remove(finished.pollFirstEntry().getKey());
      }
    } else {
      finished.remove(key);
    }
  }

  @Override
  public synchronized Optional<TaskResult> find(String taskId) {
    return Optional.ofNullable(tasks.get(TaskIds.parse(taskId)));
  }

  @Override
  public synchronized List<TaskResult> list(TaskQuery query) {
    List<TaskResult> out = new ArrayList<>();
    for (TaskResult task : tasks.descendingMap().values()) {
      if (query.matches(task)) {
        out.add(task);
        if (out.size() == query.limit()) {
          break;
        }
      }
    }
    return out;
  }

  @Override
  public synchronized List<TaskResult> unfinished() {
    List<TaskResult> out = new ArrayList<>();
    for (TaskResult task : tasks.values()) {
      if (!task.state().isFinished()) {
        out.add(task);
      }
    }
    return out;
  }

  @Override
  public synchronized void saveJobState(JobState state) {
    jobStates.put(state.jobName(), state);
  }

  @Override
  public synchronized Optional<JobState> jobState(String jobName) {
    return Optional.ofNullable(jobStates.get(jobName));
  }

  @Override
  public synchronized void saveCounters(JobCounters c) {
    counters.put(c.key(), c);
  }

  @Override
  public synchronized Optional<JobCounters> counters(String key) {
    return Optional.ofNullable(counters.get(key));
  }

  @Override
  public synchronized boolean claimFire(String jobName, Instant fireTime, String owner) {
    Instant last = lastClaims.get(jobName);
    if (last != null && !fireTime.isAfter(last)) {
      return false;
    }
    lastClaims.put(jobName, fireTime);
    return true;
  }

  @Override
  public synchronized int prune(Retention retention, Instant now) {
    List<Long> doomed = Pruning.select(finished.values(), retention, now);
    for (long key : doomed) {
      tasks.remove(key);
      finished.remove(key);
    }
    return doomed.size();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
