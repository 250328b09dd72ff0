package dev.hypernd.store.sqlite;

import java.util.function.UnaryOperator;

/**
 * Tuning of a {@link SqliteTaskStore}; the defaults suit the daemon and tests change them.
 *
 * @param idBlock task numbers reserved durably at a time; at most this many (and a half) are
 *     skipped after a crash
 * @param maxPendingTasks while writes fail, at most this many changed tasks are kept in memory;
 *     beyond it the oldest finished ones are dropped
 * @param retryInitialMillis first wait before retrying a failed write, doubled up to {@code
 *     retryMaxMillis}
 * @param sinkDecorator wraps the writer's SQL (tests inject failures with it)
 */
record StoreOptions(
    int idBlock,
    int maxPendingTasks,
    long retryInitialMillis,
    long retryMaxMillis,
    UnaryOperator<BatchSink> sinkDecorator) {

  static final StoreOptions DEFAULTS =
      new StoreOptions(1_000, 100_000, 1_000, 30_000, UnaryOperator.identity());

  StoreOptions withSinkDecorator(UnaryOperator<BatchSink> decorator) {
    return new StoreOptions(
        idBlock, maxPendingTasks, retryInitialMillis, retryMaxMillis, decorator);
  }

  StoreOptions withRetry(long initialMillis, long maxMillis) {
    return new StoreOptions(idBlock, maxPendingTasks, initialMillis, maxMillis, sinkDecorator);
  }

  StoreOptions withMaxPendingTasks(int max) {
    return new StoreOptions(idBlock, max, retryInitialMillis, retryMaxMillis, sinkDecorator);
  }
}
