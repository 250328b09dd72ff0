package dev.hypernd.store.sqlite;

import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes to the state file. It takes every change saved since its last commit
 * as one batch and commits it in one transaction, so the cost of a sync is shared by all changes
 * that arrived while the previous one ran (group commit). Between batches it deletes pruned tasks,
 * a chunk per transaction. When a write fails it keeps the changes and retries with backoff.
 */
final class Writer implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Writer.class);
  static final int PRUNE_CHUNK = 2_000;

  private final PendingWrites pending;
  private final BatchSink sink;
  private final SqlWrites sql;
  private final WriteFailureLog failures;
  private final StoreOptions options;
  private PruneRequest pruning;
  private volatile boolean cleanExit;

  Writer(
      PendingWrites pending,
      BatchSink sink,
      SqlWrites sql,
      WriteFailureLog failures,
      StoreOptions options) {
    this.pending = pending;
    this.sink = sink;
    this.sql = sql;
    this.failures = failures;
    this.options = options;
  }

  /** Whether the thread ended with every change written. */
  boolean exitedClean() {
    return cleanExit;
  }

  @Override
  public void run() {
    try {
      loop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      log.error("the state writer stopped unexpectedly; changes are no longer written", e);
      throw e;
    } finally {
      abandonPrunes();
      pending.writerStopped();
    }
  }

  private void loop() throws InterruptedException {
    long backoff = options.retryInitialMillis();
    while (true) {
      Batch batch = pending.take(pruning != null);
      if (batch == null) {
        cleanExit = true;
        return;
      }
      if (!batch.isEmpty()) {
        try {
          sink.write(batch);
          pending.committed(batch);
          failures.succeeded(pending.droppedTasks());
          backoff = options.retryInitialMillis();
        } catch (SQLException | RuntimeException e) {
          boolean giveUp = pending.failed(batch, e);
          failures.failed(e, pending.pendingCount(), pending.droppedTasks());
          if (giveUp) {
            log.error(
                "state file closed with {} change(s) that could not be written; they are lost",
                pending.pendingCount());
            return;
          }
          pending.awaitRetry(backoff);
          backoff = Math.min(backoff * 2, options.retryMaxMillis());
          continue;
        }
      }
      pruneStep();
    }
  }

  private void pruneStep() {
    if (pruning == null) {
      pruning = pending.pollPrune();
      if (pruning == null) {
        return;
      }
    }
    PruneRequest p = pruning;
    try {
      if (p.doomed == null) {
        p.doomed = sql.doomed(p);
      }
      int end = Math.min(p.doomed.size(), p.next + PRUNE_CHUNK);
      List<Long> chunk = p.doomed.subList(p.next, end);
      boolean last = end == p.doomed.size();
      sql.deleteChunk(chunk, last, p);
      p.next = end;
      if (last) {
        pruning = null;
        p.done.complete(p.doomed.size());
      }
    } catch (SQLException | RuntimeException e) {
      pruning = null;
      p.done.completeExceptionally(e);
    }
  }

  private void abandonPrunes() {
    IllegalStateException closed = new IllegalStateException("the state file was closed");
    if (pruning != null) {
      pruning.done.completeExceptionally(closed);
    }
    for (PruneRequest p = pending.pollPruneAnyway(); p != null; p = pending.pollPruneAnyway()) {
      p.done.completeExceptionally(closed);
    }
  }
}
