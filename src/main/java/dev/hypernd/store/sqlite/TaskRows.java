package dev.hypernd.store.sqlite;

import dev.hypernd.engine.TaskError;
import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskState;
import dev.hypernd.engine.store.JobCounters;
import dev.hypernd.engine.store.JobState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Rows of the state file and the values they hold. Instants are kept as ISO-8601 text, which round
 * trips exactly; {@code finished_ms} (epoch milliseconds) is only there for retention queries.
 */
final class TaskRows {
  static final String TASK_COLUMNS =
      "seq, job, state, attempts, duration_ms, scheduled_at, started_at, finished_at,"
          + " next_attempt_at, args_json, result_json, error_type, error_message,"
          + " error_stack_trace";

  static final String UPSERT_TASK =
      "INSERT OR REPLACE INTO tasks (seq, job, state, finished, attempts, duration_ms,"
          + " scheduled_at, started_at, finished_at, next_attempt_at, finished_ms, args_json,"
          + " result_json, error_type, error_message, error_stack_trace)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

  static final String UPSERT_JOB_STATE =
      "INSERT OR REPLACE INTO job_state (job, last_fire, next_fire, paused) VALUES (?,?,?,?)";

  static final String UPSERT_COUNTERS =
      "INSERT OR REPLACE INTO counters (key, submitted, completed, failed, retried, cancelled,"
          + " skipped, errors_json) VALUES (?,?,?,?,?,?,?,?)";

  static final String INSERT_CLAIM =
      "INSERT OR IGNORE INTO fire_claims (job, fire_s, fire_nano, owner) VALUES (?,?,?,?)";

  private TaskRows() {}

  static void bindTask(PreparedStatement st, TaskResult t) throws SQLException {
    st.setLong(1, t.sequenceNumber());
    st.setString(2, t.taskName());
    st.setString(3, t.state().name());
    st.setInt(4, t.state().isFinished() ? 1 : 0);
    st.setInt(5, t.attempts());
    st.setLong(6, t.durationMs());
    st.setString(7, t.scheduledAt().toString());
    st.setString(8, text(t.startedAt()));
    st.setString(9, text(t.finishedAt()));
    st.setString(10, text(t.nextAttemptAt()));
    if (t.finishedAt() == null) {
      st.setNull(11, Types.INTEGER);
    } else {
      st.setLong(11, t.finishedAt().toEpochMilli());
    }
    st.setString(12, Json.write(t.args()));
    st.setString(13, t.result() == null ? null : Json.write(t.result()));
    st.setString(14, t.error() == null ? null : t.error().type());
    st.setString(15, t.error() == null ? null : t.error().message());
    st.setString(
        16, t.error() == null || t.error().stackTrace().isEmpty() ? null : t.error().stackTrace());
  }

  /** Reads a row selected with {@link #TASK_COLUMNS}. */
  static TaskResult readTask(ResultSet rs) throws SQLException {
    String errorType = rs.getString(12);
    return new TaskResult(
        "sched-" + rs.getLong(1),
        rs.getString(2),
        TaskState.valueOf(rs.getString(3)),
        Json.read(rs.getString(11)),
        errorType == null ? null : new TaskError(errorType, rs.getString(13), rs.getString(14)),
        rs.getInt(4),
        rs.getLong(5),
        Instant.parse(rs.getString(6)),
        instant(rs.getString(7)),
        instant(rs.getString(8)),
        instant(rs.getString(9)),
        Json.readList(rs.getString(10)));
  }

  static void bindJobState(PreparedStatement st, JobState s) throws SQLException {
    st.setString(1, s.jobName());
    st.setString(2, text(s.lastFire()));
    st.setString(3, text(s.nextFire()));
    st.setInt(4, s.paused() ? 1 : 0);
  }

  /** Reads {@code job, last_fire, next_fire, paused}. */
  static JobState readJobState(ResultSet rs) throws SQLException {
    return new JobState(
        rs.getString(1), instant(rs.getString(2)), instant(rs.getString(3)), rs.getInt(4) != 0);
  }

  static void bindCounters(PreparedStatement st, JobCounters c) throws SQLException {
    st.setString(1, c.key());
    st.setLong(2, c.submitted());
    st.setLong(3, c.completed());
    st.setLong(4, c.failed());
    st.setLong(5, c.retried());
    st.setLong(6, c.cancelled());
    st.setLong(7, c.skipped());
    st.setString(8, Json.writeCounts(c.errors()));
  }

  /** Reads every column of {@code counters}, in table order. */
  static JobCounters readCounters(ResultSet rs) throws SQLException {
    return new JobCounters(
        rs.getString(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getLong(4),
        rs.getLong(5),
        rs.getLong(6),
        rs.getLong(7),
        Json.readCounts(rs.getString(8)));
  }

  static void bindClaim(PreparedStatement st, Claim c) throws SQLException {
    st.setString(1, c.job());
    st.setLong(2, c.fireTime().getEpochSecond());
    st.setInt(3, c.fireTime().getNano());
    st.setString(4, c.owner());
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  /** A won claim on one fire, waiting to be written. */
  record Claim(String job, Instant fireTime, String owner) {}
}
