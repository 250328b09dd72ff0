package dev.hypernd.store.sqlite;

import java.util.List;

/**
 * The versions of the state file's schema. {@code PRAGMA user_version} holds the version of a file;
 * migration {@code n} (the n-th entry, 1-based) takes a file from version n-1 to n in one
 * transaction. {@code PRAGMA application_id} marks the file as hypernd's.
 */
final class Schema {
  /** "hypr" in ASCII: the application id of hypernd state files. */
  static final int APPLICATION_ID = 0x68797072;

  static final List<List<String>> MIGRATIONS =
      List.of(
          // 1: tasks, the id sequence, job schedule state, fire claims and metric counters.
          List.of(
              """
              CREATE TABLE task_sequence (
                only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
                high_water INTEGER NOT NULL)
              """,
              "INSERT INTO task_sequence (only_row, high_water) VALUES (1, 0)",
              """
              CREATE TABLE tasks (
                seq INTEGER PRIMARY KEY,
                job TEXT NOT NULL,
                state TEXT NOT NULL,
                finished INTEGER NOT NULL,
                attempts INTEGER NOT NULL,
                duration_ms INTEGER NOT NULL,
                scheduled_at TEXT NOT NULL,
                started_at TEXT,
                finished_at TEXT,
                next_attempt_at TEXT,
                finished_ms INTEGER,
                args_json TEXT NOT NULL,
                result_json TEXT,
                error_type TEXT,
                error_message TEXT)
              """,
              "CREATE INDEX tasks_by_job ON tasks (job, seq)",
              "CREATE INDEX tasks_by_state ON tasks (state, seq)",
              "CREATE INDEX tasks_unfinished ON tasks (seq) WHERE finished = 0",
              """
              CREATE TABLE job_state (
                job TEXT PRIMARY KEY,
                last_fire TEXT,
                next_fire TEXT,
                paused INTEGER NOT NULL)
              """,
              """
              CREATE TABLE fire_claims (
                job TEXT NOT NULL,
                fire_s INTEGER NOT NULL,
                fire_nano INTEGER NOT NULL,
                owner TEXT NOT NULL,
                PRIMARY KEY (job, fire_s, fire_nano))
              """,
              """
              CREATE TABLE counters (
                key TEXT PRIMARY KEY,
                submitted INTEGER NOT NULL,
                completed INTEGER NOT NULL,
                failed INTEGER NOT NULL,
                retried INTEGER NOT NULL,
                cancelled INTEGER NOT NULL,
                skipped INTEGER NOT NULL,
                errors_json TEXT NOT NULL)
              """),
          // 2: a Java job's bounded stack trace with its error.
          List.of("ALTER TABLE tasks ADD COLUMN error_stack_trace TEXT"));

  static final int LATEST = MIGRATIONS.size();

  private Schema() {}
}
