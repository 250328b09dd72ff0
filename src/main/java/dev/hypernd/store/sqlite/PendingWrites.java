package dev.hypernd.store.sqlite;

import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.store.JobCounters;
import dev.hypernd.engine.store.JobState;
import dev.hypernd.engine.store.StoreException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes saved but not yet written, the batch being written, and the task-id sequence: the
 * in-memory overlay that reads consult before the file, and the hand-off to the writer thread. One
 * monitor guards it all; nothing here touches the database.
 *
 * <p>Every change gets a generation number; a batch carries the highest generation it covers, so
 * {@link #awaitDurable} can wait for "everything saved so far".
 */
final class PendingWrites {
  private final String file;
  private final int idBlock;
  private final int maxPendingTasks;

  private LinkedHashMap<Long, TaskResult> tasks = new LinkedHashMap<>();
  private Map<String, JobState> jobStates = new HashMap<>();
  private Map<String, JobCounters> counters = new HashMap<>();
  private List<TaskRows.Claim> claims = new ArrayList<>();
  private long highWater;
  private Batch inFlight = Batch.EMPTY;
  private final Deque<PruneRequest> prunes = new ArrayDeque<>();
  private final Map<String, Instant> lastClaims = new HashMap<>();

  private long savedGeneration;
  private long durableGeneration;
  private long failedGeneration;
  private long failures;
  private Exception failure;
  private boolean failing;
  private boolean retryNow;
  private boolean closing;
  private boolean writerGone;
  private long droppedTasks;

  private long nextId;
  private long durableHigh;
  private long requestedHigh;

  PendingWrites(String file, long firstId, long durableHigh, int idBlock, int maxPendingTasks) {
    this.file = file;
    this.nextId = firstId;
    this.durableHigh = durableHigh;
    this.requestedHigh = durableHigh;
    this.idBlock = idBlock;
    this.maxPendingTasks = maxPendingTasks;
  }

  // ---- the engine's side ---------------------------------------------------------------------

  /**
   * The next task number. Waits for the writer only when the durably reserved block is used up (it
   * asks for the next block when half of this one is left); while writes fail, it hands out numbers
   * from memory rather than stop the scheduler.
   */
  synchronized long nextId() {
    ensureOpen();
    if (requestedHigh - nextId < idBlock / 2) {
      requestedHigh = nextId + idBlock;
      highWater = Math.max(highWater, requestedHigh);
      changed();
    }
    boolean interrupted = false;
    while (nextId > durableHigh && !failing && !closing) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return nextId++;
  }

  /** The highest number handed out so far. */
  synchronized long lastIdHandedOut() {
    return nextId - 1;
  }

  synchronized void putTask(TaskResult task) {
    ensureOpen();
    tasks.put(task.sequenceNumber(), task);
    if (failing && tasks.size() > maxPendingTasks) {
      dropOldestFinished();
    }
    changed();
  }

  synchronized void putJobState(JobState state) {
    ensureOpen();
    jobStates.put(state.jobName(), state);
    changed();
  }

  synchronized void putCounters(JobCounters c) {
    ensureOpen();
    counters.put(c.key(), c);
    changed();
  }

  synchronized boolean knowsClaimsOf(String job) {
    return lastClaims.containsKey(job);
  }

  /** Seeds the last claim of {@code job} from the file, unless this run already claimed later. */
  synchronized void loadedLastClaim(String job, Instant stored) {
    lastClaims.merge(job, stored == null ? Instant.MIN : stored, (a, b) -> a.isAfter(b) ? a : b);
  }

  synchronized boolean claim(String job, Instant fireTime, String owner) {
    ensureOpen();
    Instant last = lastClaims.get(job);
    if (last != null && !fireTime.isAfter(last)) {
      return false;
    }
    lastClaims.put(job, fireTime);
    claims.add(new TaskRows.Claim(job, fireTime, owner));
    changed();
    return true;
  }

  synchronized void submitPrune(PruneRequest request) {
    ensureOpen();
    request.afterGeneration = savedGeneration;
    prunes.add(request);
    notifyAll();
  }

  // ---- reads ---------------------------------------------------------------------------------

  synchronized TaskResult task(long seq) {
    TaskResult t = tasks.get(seq);
    return t != null ? t : inFlight.tasks().get(seq);
  }

  /** Every task not yet known to be in the file, newest version of each. */
  synchronized Map<Long, TaskResult> tasks() {
    Map<Long, TaskResult> out = new HashMap<>(inFlight.tasks());
    out.putAll(tasks);
    return out;
  }

  synchronized JobState jobState(String job) {
    JobState s = jobStates.get(job);
    return s != null ? s : inFlight.jobStates().get(job);
  }

  synchronized JobCounters counters(String key) {
    JobCounters c = counters.get(key);
    return c != null ? c : inFlight.counters().get(key);
  }

  // ---- the writer's side ---------------------------------------------------------------------

  /**
   * Waits for work and takes every pending change as one batch; an empty batch when only pruning is
   * to be done; {@code null} when the store is closing and nothing is left to write.
   */
  synchronized Batch take(boolean pruning) throws InterruptedException {
    while (!hasChanges() && !closing && !pruning && prunes.isEmpty()) {
      wait();
    }
    if (!hasChanges()) {
      return closing ? null : Batch.EMPTY;
    }
    inFlight = new Batch(savedGeneration, tasks, jobStates, counters, claims, highWater);
    tasks = new LinkedHashMap<>();
    jobStates = new HashMap<>();
    counters = new HashMap<>();
    claims = new ArrayList<>();
    highWater = 0;
    return inFlight;
  }

  /** The next prune to run, once every change saved before it was asked for is written. */
  synchronized PruneRequest pollPrune() {
    PruneRequest next = prunes.peek();
    return next != null && durableGeneration >= next.afterGeneration ? prunes.poll() : null;
  }

  synchronized PruneRequest pollPruneAnyway() {
    return prunes.poll();
  }

  synchronized void committed(Batch batch) {
    inFlight = Batch.EMPTY;
    durableGeneration = Math.max(durableGeneration, batch.generation());
    durableHigh = Math.max(durableHigh, batch.highWater());
    failing = false;
    failure = null;
    notifyAll();
  }

  /**
   * Puts a batch that could not be written back under the changes saved since (newer wins), to be
   * written with the next attempt.
   *
   * @return whether the writer should give up: the store is closing
   */
  synchronized boolean failed(Batch batch, Exception error) {
    LinkedHashMap<Long, TaskResult> mergedTasks = new LinkedHashMap<>(batch.tasks());
    mergedTasks.putAll(tasks);
    tasks = mergedTasks;
    Map<String, JobState> mergedStates = new HashMap<>(batch.jobStates());
    mergedStates.putAll(jobStates);
    jobStates = mergedStates;
    Map<String, JobCounters> mergedCounters = new HashMap<>(batch.counters());
    mergedCounters.putAll(counters);
    counters = mergedCounters;
    List<TaskRows.Claim> mergedClaims = new ArrayList<>(batch.claims());
    mergedClaims.addAll(claims);
    claims = mergedClaims;
    highWater = Math.max(highWater, batch.highWater());
    inFlight = Batch.EMPTY;
    failedGeneration = Math.max(failedGeneration, batch.generation());
    failures++;
    failing = true;
    failure = error;
    if (tasks.size() > maxPendingTasks) {
      dropOldestFinished();
    }
    notifyAll();
    return closing;
  }

  /** Waits before the next attempt after a failure; a flush or close cuts the wait short. */
  synchronized void awaitRetry(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    long left;
    while (!closing && !retryNow && (left = deadline - System.nanoTime()) > 0) {
      wait(Math.max(1, left / 1_000_000));
    }
    retryNow = false;
  }

  synchronized void writerStopped() {
    writerGone = true;
    notifyAll();
  }

  synchronized int pendingCount() {
    return tasks.size() + jobStates.size() + counters.size() + claims.size() + inFlight.size();
  }

  synchronized long droppedTasks() {
    return droppedTasks;
  }

  // ---- flush and close -----------------------------------------------------------------------

  /** Blocks until every change saved so far is written, or an attempt to write it has failed. */
  synchronized void awaitDurable() {
    long target = savedGeneration;
    long failuresBefore = failures;
    if (failing) {
      retryNow = true;
      notifyAll();
    }
    boolean interrupted = false;
    try {
      while (durableGeneration < target) {
        if (failures > failuresBefore && failedGeneration >= target) {
          throw new StoreException(
              "state file " + file + ": changes are not durable: " + describe(failure), failure);
        }
        if (writerGone) {
          throw new StoreException("state file " + file + ": the store is closed");
        }
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  synchronized void close() {
    closing = true;
    notifyAll();
  }

  synchronized boolean isClosing() {
    return closing;
  }

  static String describe(Exception e) {
    return e == null ? "unknown error" : e.getMessage();
  }

  private boolean hasChanges() {
    return !tasks.isEmpty()
        || !jobStates.isEmpty()
        || !counters.isEmpty()
        || !claims.isEmpty()
        || highWater != 0;
  }

  private void changed() {
    savedGeneration++;
    notifyAll();
  }

  private void ensureOpen() {
    if (closing) {
      throw new IllegalStateException("state file " + file + " is closed");
    }
  }

  // While writes fail, finished results beyond the bound are dropped (oldest first); unfinished
  // tasks are bounded by the engine and always kept.
  private void dropOldestFinished() {
    Iterator<TaskResult> it = tasks.values().iterator();
    while (tasks.size() > maxPendingTasks && it.hasNext()) {
      if (it.next().state().isFinished()) {
        it.remove();
        droppedTasks++;
      }
    }
  }
}
