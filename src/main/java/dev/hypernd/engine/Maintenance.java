package dev.hypernd.engine;

import dev.hypernd.engine.store.Retention;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Housekeeping the scheduler does off its dispatch thread: pruning finished tasks from the store.
 *
 * @param executor where the pruning runs (never the dispatch thread)
 * @param retention what to keep
 * @param every how often to prune; the first prune runs at start
 */
record Maintenance(Executor executor, Retention retention, Duration every) {}
