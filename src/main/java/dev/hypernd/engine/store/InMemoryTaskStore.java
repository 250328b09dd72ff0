package dev.hypernd.engine.store;

import dev.hypernd.engine.TaskIds;
import dev.hypernd.engine.TaskResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store that lives and dies with the process. Memory stays bounded: beyond {@code maxFinished}
 * finished tasks, the oldest finished ones are dropped. Saves and look-ups take no lock (the engine
 * saves from many threads at once); listings sort what they return.
 */
public final class InMemoryTaskStore implements TaskStore {
  public static final int DEFAULT_MAX_FINISHED = 10_000;

  private final int maxFinished;
  private final ConcurrentHashMap<String, TaskResult> tasks = new ConcurrentHashMap<>();
  // Finished tasks in the order they finished: the oldest is dropped first.
  private final ConcurrentLinkedQueue<String> finished = new ConcurrentLinkedQueue<>();
  private final AtomicInteger finishedCount = new AtomicInteger();
  private final Map<String, JobState> jobStates = new ConcurrentHashMap<>();
  private final Map<String, JobCounters> counters = new ConcurrentHashMap<>();
  // Fires of one job are claimed in increasing time order, so the last claim per job suffices.
  private final Map<String, Instant> lastClaims = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

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
  public long nextTaskNumber() {
    return sequence.incrementAndGet();
  }

  @Override
  public void save(TaskResult task) {
    long key = task.sequenceNumber();
    if (key <= 0) {
      throw new IllegalArgumentException(
          "task id " + task.taskId() + " is not of the form sched-N");
    }
    TaskResult before = tasks.put(task.taskId(), task);
    boolean wasFinished = before != null && before.state().isFinished();
    if (task.state().isFinished() && !wasFinished) {
      finished.add(task.taskId());
      if (finishedCount.incrementAndGet() > maxFinished) {
        dropOldestFinished();
      }
    } else if (wasFinished && !task.state().isFinished() && finished.remove(task.taskId())) {
      finishedCount.decrementAndGet();
    }
  }

  private void dropOldestFinished() {
    while (finishedCount.get() > maxFinished) {
      String oldest = finished.poll();
      if (oldest == null) {
        return;
      }
      finishedCount.decrementAndGet();
      tasks.computeIfPresent(oldest, (id, t) -> t.state().isFinished() ? null : t);
    }
  }

  @Override
  public Optional<TaskResult> find(String taskId) {
    long seq = TaskIds.parse(taskId);
    return seq <= 0 ? Optional.empty() : Optional.ofNullable(tasks.get(TaskIds.format(seq)));
  }

  @Override
  public List<TaskResult> list(TaskQuery query) {
    List<TaskResult> out = new ArrayList<>();
    for (TaskResult task : tasks.values()) {
      if (query.matches(task)) {
        out.add(task);
      }
    }
    out.sort(Comparator.comparingLong(TaskResult::sequenceNumber).reversed());
    return out.size() > query.limit() ? new ArrayList<>(out.subList(0, query.limit())) : out;
  }

  @Override
  public List<TaskResult> unfinished() {
    List<TaskResult> out = new ArrayList<>();
    for (TaskResult task : tasks.values()) {
      if (!task.state().isFinished()) {
        out.add(task);
      }
    }
    out.sort(Comparator.comparingLong(TaskResult::sequenceNumber));
    return out;
  }

  @Override
  public void saveJobState(JobState state) {
    jobStates.put(state.jobName(), state);
  }

  @Override
  public Optional<JobState> jobState(String jobName) {
    return Optional.ofNullable(jobStates.get(jobName));
  }

  @Override
  public void saveCounters(JobCounters c) {
    counters.put(c.key(), c);
  }

  @Override
  public Optional<JobCounters> counters(String key) {
    return Optional.ofNullable(counters.get(key));
  }

  @Override
  public boolean claimFire(String jobName, Instant fireTime, String owner) {
    boolean[] won = new boolean[1];
    lastClaims.compute(
        jobName,
        (job, last) -> {
          won[0] = last == null || fireTime.isAfter(last);
          return won[0] ? fireTime : last;
        });
    return won[0];
  }

  @Override
  public synchronized int prune(Retention retention, Instant now) {
    List<TaskResult> done = new ArrayList<>();
    for (TaskResult t : tasks.values()) {
      if (t.state().isFinished()) {
        done.add(t);
      }
    }
    List<Long> doomed = Pruning.select(done, retention, now);
    Set<String> ids = new HashSet<>();
    for (long key : doomed) {
      ids.add(TaskIds.format(key));
    }
    finished.removeIf(
        id -> {
          boolean drop = ids.contains(id);
          if (drop) {
            finishedCount.decrementAndGet();
          }
          return drop;
        });
    ids.forEach(tasks::remove);
    return doomed.size();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
