/**
 * The embedded state store: {@link dev.hypernd.store.sqlite.SqliteTaskStore}, one SQLite file that
 * keeps tasks, the task-id sequence, per-job schedule state, fire claims and the counters behind
 * the metrics, so that a restart or a crash loses nothing that was committed. {@link
 * dev.hypernd.store.sqlite.TaskStores} is how the daemon opens it.
 *
 * <h2>The file</h2>
 *
 * WAL mode, {@code synchronous=FULL}. {@code PRAGMA application_id} is {@code 0x68797072} ("hypr")
 * and {@code PRAGMA user_version} the schema version; migration n takes version n-1 to n in one
 * transaction (migration 1 creates the schema). Tables: {@code tasks} (one row per task, by the N
 * of {@code sched-N}; state, attempts, timestamps as ISO-8601 text, arguments and result as JSON,
 * error type and message), {@code task_sequence} (the id high-water mark), {@code job_state} (last
 * fire, next fire, paused), {@code fire_claims} (unique per job and fire time), {@code counters}
 * (per job and {@code *} for all). A lock file {@code FILE.lock} next to it keeps a second daemon
 * out.
 *
 * <h2>Writes and durability</h2>
 *
 * A save goes to an in-memory overlay and returns; one writer thread commits everything saved since
 * its previous commit in one transaction (group commit: while one commit syncs, the next batch
 * gathers). Reads consult the overlay first, so they always see the latest save. Consequences:
 *
 * <ul>
 *   <li>After {@code flush()} returns, every earlier save survives {@code kill -9} and, with {@code
 *       synchronous=FULL}, a power loss or kernel crash (given a disk that honours fsync).
 *   <li>Without a flush, a save is committed within one batch, normally a few milliseconds; {@code
 *       kill -9} or a power loss loses at most the saves of that window. Of a task that changed
 *       state several times in it, the last committed state comes back.
 *   <li>Task numbers are reserved durably in blocks of 1,000 before they are handed out, so a
 *       number is never reused, even after a crash; a crash skips at most the rest of the block and
 *       a half. A clean {@code close()} records the exact last number, so ids then continue without
 *       a gap.
 * </ul>
 *
 * <h2>When things go wrong</h2>
 *
 * <ul>
 *   <li>Opening a file that is not a SQLite database, is damaged ({@code PRAGMA quick_check}), is
 *       another application's database, comes from a newer schema version, or is locked by another
 *       daemon throws a {@link dev.hypernd.engine.store.StoreException} naming the file and the
 *       problem; nothing is written to the file before these checks pass.
 *   <li>When a write fails at run time (a full disk, a read-only or immutable file), the writer
 *       logs an error once (then at most once a minute, and once when writes resume), keeps the
 *       changes in memory and retries with backoff from 1 s to 30 s; the scheduler carries on.
 *       Until writes resume nothing new is durable: results, new tasks and issued ids would be lost
 *       (and ids could be reissued) if the daemon then stopped. {@code flush()} throws a {@code
 *       StoreException} instead of blocking. Memory stays bounded: beyond 100,000 changed tasks,
 *       the oldest finished results are dropped (unfinished tasks, job state and counters never
 *       are).
 * </ul>
 */
package dev.hypernd.store.sqlite;
