package dev.hypernd.store.sqlite;

import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.store.JobCounters;
import dev.hypernd.engine.store.JobState;
import dev.hypernd.engine.store.StoreException;
import dev.hypernd.engine.store.TaskQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Queries on the read connection, which sees what the writer has committed (WAL: readers never wait
 * for the writer). One query at a time; callers merge in the pending changes.
 */
final class SqlReads {
  private final String file;
  private final Connection conn;

  SqlReads(String file, Connection conn) {
    this.file = file;
    this.conn = conn;
  }

  synchronized Optional<TaskResult> task(long seq) {
    return query(
        "SELECT " + TaskRows.TASK_COLUMNS + " FROM tasks WHERE seq = ?",
        st -> st.setLong(1, seq),
        rs -> rs.next() ? Optional.of(TaskRows.readTask(rs)) : Optional.empty());
  }

  /** Tasks matching the query, newest first, at most {@code limit} of them. */
  synchronized List<TaskResult> tasks(TaskQuery q, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT ").append(TaskRows.TASK_COLUMNS).append(" FROM tasks");
    List<String> params = new ArrayList<>();
    if (q.job() != null) {
      sql.append(" WHERE job = ?");
      params.add(q.job());
    }
    if (q.state() != null) {
      sql.append(params.isEmpty() ? " WHERE" : " AND").append(" state = ?");
      params.add(q.state().name());
    }
    sql.append(" ORDER BY seq DESC LIMIT ?");
    return query(
        sql.toString(),
        st -> {
          for (int i = 0; i < params.size(); i++) {
            st.setString(i + 1, params.get(i));
          }
          st.setInt(params.size() + 1, limit);
        },
        SqlReads::readTasks);
  }

  synchronized List<TaskResult> unfinished() {
    return query(
        "SELECT " + TaskRows.TASK_COLUMNS + " FROM tasks WHERE finished = 0 ORDER BY seq",
        st -> {},
        SqlReads::readTasks);
  }

  synchronized Optional<JobState> jobState(String job) {
    return query(
        "SELECT job, last_fire, next_fire, paused FROM job_state WHERE job = ?",
        st -> st.setString(1, job),
        rs -> rs.next() ? Optional.of(TaskRows.readJobState(rs)) : Optional.empty());
  }

  synchronized Optional<JobCounters> counters(String key) {
    return query(
        "SELECT * FROM counters WHERE key = ?",
        st -> st.setString(1, key),
        rs -> rs.next() ? Optional.of(TaskRows.readCounters(rs)) : Optional.empty());
  }

  synchronized Instant lastClaim(String job) {
    return query(
        "SELECT fire_s, fire_nano FROM fire_claims WHERE job = ?"
            + " ORDER BY fire_s DESC, fire_nano DESC LIMIT 1",
        st -> st.setString(1, job),
        rs -> rs.next() ? Instant.ofEpochSecond(rs.getLong(1), rs.getInt(2)) : null);
  }

  private static List<TaskResult> readTasks(ResultSet rs) throws SQLException {
    List<TaskResult> out = new ArrayList<>();
    while (rs.next()) {
      out.add(TaskRows.readTask(rs));
    }
    return out;
  }

  private interface Binder {
    void bind(PreparedStatement st) throws SQLException;
  }

  private interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> T query(String sql, Binder binder, Reader<T> reader) {
    try (PreparedStatement st = conn.prepareStatement(sql)) {
      binder.bind(st);
      try (ResultSet rs = st.executeQuery()) {
        return reader.read(rs);
      }
    } catch (SQLException e) {
      throw new StoreException("state file " + file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
