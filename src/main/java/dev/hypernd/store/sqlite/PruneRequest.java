package dev.hypernd.store.sqlite;

import dev.hypernd.engine.store.Retention;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One call of {@code prune}: the writer finds the doomed tasks once, then deletes them a chunk per
 * transaction between batches, so a large prune never holds up the saves behind it for long.
 */
final class PruneRequest {
  final Retention retention;
  final Instant now;
  final CompletableFuture<Integer> done = new CompletableFuture<>();
  long afterGeneration;
  List<Long> doomed;
  int next;

  PruneRequest(Retention retention, Instant now) {
    this.retention = retention;
    this.now = now;
  }
}
