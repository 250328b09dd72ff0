package dev.hypernd.store.sqlite;

import dev.hypernd.engine.TaskIds;
import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.store.JobCounters;
import dev.hypernd.engine.store.JobState;
import dev.hypernd.engine.store.Retention;
import dev.hypernd.engine.store.StoreException;
import dev.hypernd.engine.store.TaskQuery;
import dev.hypernd.engine.store.TaskStore;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: one SQLite file in WAL mode, owned by one process (a lock file next to it
 * keeps a second daemon out).
 *
 * <p>Writes: {@link #save} and the other changes go to an in-memory overlay and return at once; a
 * writer thread commits everything saved since its last commit in one transaction (group commit)
 * with {@code synchronous=FULL}, so once committed a change survives a crash of the process and a
 * power loss. {@link #flush()} waits for that. Reads see the overlay first, so they always return
 * the latest save.
 *
 * <p>If writing fails (a full disk, a read-only file), the writer logs it (once, then once a
 * minute), keeps the changes in memory and retries; the engine carries on from memory. See {@link
 * StoreOptions#maxPendingTasks()} for the bound on memory meanwhile.
 */
public final class SqliteTaskStore implements TaskStore {
  private static final Logger log = LoggerFactory.getLogger(SqliteTaskStore.class);

  private final StateFile.Opened opened;
  private final PendingWrites pending;
  private final SqlReads reads;
  private final SqlWrites writes;
  private final Writer writer;
  private final Thread writerThread;
  private boolean closed;

  private SqliteTaskStore(StateFile.Opened opened, StoreOptions options) {
    this.opened = opened;
    String file = opened.file().toString();
    this.pending =
        new PendingWrites(
            file,
            opened.firstId(),
            opened.durableHigh(),
            options.idBlock(),
            options.maxPendingTasks());
    this.reads = new SqlReads(file, opened.reader());
    this.writes = new SqlWrites(opened.writer());
    this.writer =
        new Writer(
            pending,
            options.sinkDecorator().apply(writes),
            writes,
            new WriteFailureLog(file),
            options);
    this.writerThread = new Thread(writer, "hypernd-store-writer");
    writerThread.setDaemon(true);
    writerThread.start();
  }

  /**
   * Opens (creating it if missing) the state file at {@code file}.
   *
   * @throws StoreException naming the file when it cannot be opened or locked, is not a hypernd
   *     state file, is damaged, or was written by a newer version; the file is left untouched
   */
  public static SqliteTaskStore open(Path file) {
    return open(file, StoreOptions.DEFAULTS);
  }

  static SqliteTaskStore open(Path file, StoreOptions options) {
    Objects.requireNonNull(file, "file");
    SqliteNative.load();
    return new SqliteTaskStore(StateFile.open(file, options.idBlock()), options);
  }

  /** The absolute path of the database file. */
  public Path file() {
    return opened.file();
  }

  @Override
  public long nextTaskNumber() {
    return pending.nextId();
  }

  @Override
  public void save(TaskResult task) {
    long seq = task.sequenceNumber();
    if (seq <= 0) {
      throw new IllegalArgumentException(
          "task id " + task.taskId() + " is not of the form sched-N");
    }
    pending.putTask(normalized(task));
  }

  private static TaskResult normalized(TaskResult t) {
    Object result = Json.normalize(t.result());
    List<Object> args = Json.normalizeList(t.args());
    if (result == t.result() && args == t.args()) {
      return t;
    }
    return new TaskResult(
        t.taskId(),
        t.taskName(),
        t.state(),
        result,
        t.error(),
        t.attempts(),
        t.durationMs(),
        t.scheduledAt(),
        t.startedAt(),
        t.finishedAt(),
        t.nextAttemptAt(),
        args);
  }

  @Override
  public Optional<TaskResult> find(String taskId) {
    long seq = TaskIds.parse(taskId);
    if (seq <= 0) {
      return Optional.empty();
    }
    TaskResult unwritten = pending.task(seq);
    return unwritten != null ? Optional.of(unwritten) : reads.task(seq);
  }

  @Override
  public List<TaskResult> list(TaskQuery query) {
    // The overlay first, then the file: a change committed in between is then in one of them.
    Map<Long, TaskResult> unwritten = pending.tasks();
    List<TaskResult> out = new ArrayList<>();
    for (TaskResult t : reads.tasks(query, query.limit() + unwritten.size())) {
      if (!unwritten.containsKey(t.sequenceNumber())) {
        out.add(t);
      }
    }
    for (TaskResult t : unwritten.values()) {
      if (query.matches(t)) {
        out.add(t);
      }
    }
    out.sort(Comparator.comparingLong(TaskResult::sequenceNumber).reversed());
    return out.size() > query.limit() ? List.copyOf(out.subList(0, query.limit())) : out;
  }

  @Override
  public List<TaskResult> unfinished() {
    Map<Long, TaskResult> unwritten = pending.tasks();
    List<TaskResult> out = new ArrayList<>();
    for (TaskResult t : reads.unfinished()) {
      if (!unwritten.containsKey(t.sequenceNumber())) {
        out.add(t);
      }
    }
    for (TaskResult t : unwritten.values()) {
      if (!t.state().isFinished()) {
        out.add(t);
      }
    }
    out.sort(Comparator.comparingLong(TaskResult::sequenceNumber));
    return out;
  }

  @Override
  public void saveJobState(JobState state) {
    pending.putJobState(Objects.requireNonNull(state, "state"));
  }

  @Override
  public Optional<JobState> jobState(String jobName) {
    JobState unwritten = pending.jobState(jobName);
    return unwritten != null ? Optional.of(unwritten) : reads.jobState(jobName);
  }

  @Override
  public void saveCounters(JobCounters counters) {
    pending.putCounters(Objects.requireNonNull(counters, "counters"));
  }

  @Override
  public Optional<JobCounters> counters(String key) {
    JobCounters unwritten = pending.counters(key);
    return unwritten != null ? Optional.of(unwritten) : reads.counters(key);
  }

  /**
   * Decided in memory: this process owns the file, so no other scheduler can claim from it. The
   * claim is written with the next batch; after a restart the latest claim of each job is read
   * back, so a fire claimed before a crash is not claimed again.
   */
  @Override
  public boolean claimFire(String jobName, Instant fireTime, String owner) {
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(fireTime, "fireTime");
    Objects.requireNonNull(owner, "owner");
    if (!pending.knowsClaimsOf(jobName)) {
      pending.loadedLastClaim(jobName, reads.lastClaim(jobName));
    }
    return pending.claim(jobName, fireTime, owner);
  }

  /** Runs on the writer thread between batches; the caller waits for it. */
  @Override
  public int prune(Retention retention, Instant now) {
    PruneRequest request =
        new PruneRequest(
            Objects.requireNonNull(retention, "retention"), Objects.requireNonNull(now, "now"));
    pending.submitPrune(request);
    try {
      return request.done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("state file " + file() + ": interrupted while pruning", e);
    } catch (ExecutionException e) {
      throw new StoreException(
          "state file " + file() + ": cannot prune: " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void flush() {
    pending.awaitDurable();
  }

  /**
   * Writes what is pending, records the exact last task number (so that the next run continues
   * without a gap), and releases the file. If writes are failing, it makes one more attempt and
   * then logs what is lost.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    pending.close();
    try {
      writerThread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.exitedClean()) {
      try {
        writes.setHighWater(pending.lastIdHandedOut());
      } catch (SQLException e) {
        log.warn("state file {}: cannot record the last task number: {}", file(), e.toString());
      }
    }
    StateFile.closeQuietly(opened.reader());
    StateFile.closeQuietly(opened.writer());
    StateFile.closeQuietly(opened.lockChannel());
  }
}
