package dev.hypernd.engine.store;

import dev.hypernd.engine.TaskIds;
import dev.hypernd.engine.TaskResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
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
  private final ConcurrentSkipListSet<Long> finished = new ConcurrentSkipListSet<>();
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
    tasks.put(task.taskId(), task);
    if (task.state().isFinished()) {
      if (finished.add(key) && finishedCount.incrementAndGet() > maxFinished) {
        dropOldestFinished();
      }
    } else if (finished.remove(key)) {
      finishedCount.decrementAndGet();
    }
  }

  private void dropOldestFinished() {
    while (finishedCount.get() > maxFinished) {
      Long oldest = finished.pollFirst();
      if (oldest == null) {
        return;
      }
      finishedCount.decrementAndGet();
      tasks.computeIfPresent(TaskIds.format(oldest), (id, t) -> t.state().isFinished() ? null : t);
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
    for (long key : doomed) {
      if (finished.remove(key)) {
        finishedCount.decrementAndGet();
      }
      tasks.remove(TaskIds.format(key));
    }
    return doomed.size();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
