package dev.hypernd.store.sqlite;

import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.store.JobCounters;
import dev.hypernd.engine.store.JobState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The writer connection's statements: batches, prune chunks and the id high-water mark. */
final class SqlWrites implements BatchSink {
  private static final String SELECT_DOOMED =
      """
      SELECT seq FROM (
        SELECT seq, finished_ms,
          ROW_NUMBER() OVER (PARTITION BY job ORDER BY seq DESC) AS job_rank,
          ROW_NUMBER() OVER (ORDER BY seq DESC) AS all_rank
        FROM tasks WHERE finished = 1)
      WHERE job_rank > ? OR all_rank > ? OR finished_ms < ?
      ORDER BY seq
      """;

  // Claims older than the retention age go, except each job's latest.
  private static final String PRUNE_CLAIMS =
      """
      DELETE FROM fire_claims WHERE fire_s < ? AND rowid NOT IN (
        SELECT rowid FROM (
          SELECT rowid, ROW_NUMBER() OVER (
            PARTITION BY job ORDER BY fire_s DESC, fire_nano DESC) AS rn
          FROM fire_claims)
        WHERE rn = 1)
      """;

  private final Connection conn;

  SqlWrites(Connection conn) {
    this.conn = conn;
  }

  @Override
  public void write(Batch batch) throws SQLException {
    inTransaction(
        () -> {
          if (!batch.tasks().isEmpty()) {
            try (PreparedStatement st = conn.prepareStatement(TaskRows.UPSERT_TASK)) {
              for (TaskResult t : batch.tasks().values()) {
                TaskRows.bindTask(st, t);
                st.addBatch();
              }
              st.executeBatch();
            }
          }
          if (!batch.jobStates().isEmpty()) {
            try (PreparedStatement st = conn.prepareStatement(TaskRows.UPSERT_JOB_STATE)) {
              for (JobState s : batch.jobStates().values()) {
                TaskRows.bindJobState(st, s);
                st.addBatch();
              }
              st.executeBatch();
            }
          }
          if (!batch.counters().isEmpty()) {
            try (PreparedStatement st = conn.prepareStatement(TaskRows.UPSERT_COUNTERS)) {
              for (JobCounters c : batch.counters().values()) {
                TaskRows.bindCounters(st, c);
                st.addBatch();
              }
              st.executeBatch();
            }
          }
          if (!batch.claims().isEmpty()) {
            try (PreparedStatement st = conn.prepareStatement(TaskRows.INSERT_CLAIM)) {
              for (TaskRows.Claim c : batch.claims()) {
                TaskRows.bindClaim(st, c);
                st.addBatch();
              }
              st.executeBatch();
            }
          }
          if (batch.highWater() > 0) {
            raiseHighWater(batch.highWater());
          }
        });
  }

  /** Sets the high-water mark to at least {@code high}; part of the caller's transaction. */
  void raiseHighWater(long high) throws SQLException {
    try (PreparedStatement st =
        conn.prepareStatement(
            "UPDATE task_sequence SET high_water = MAX(high_water, ?) WHERE only_row = 1")) {
      st.setLong(1, high);
      st.executeUpdate();
    }
  }

  /** Sets the high-water mark to exactly {@code high}: at a clean close, the last id handed out. */
  void setHighWater(long high) throws SQLException {
    inTransaction(
        () -> {
          try (PreparedStatement st =
              conn.prepareStatement("UPDATE task_sequence SET high_water = ? WHERE only_row = 1")) {
            st.setLong(1, high);
            st.executeUpdate();
          }
        });
  }

  /** The finished tasks the request's retention drops, oldest first. */
  List<Long> doomed(PruneRequest request) throws SQLException {
    Instant cutoff = request.now.minus(request.retention.maxAge());
    List<Long> out = new ArrayList<>();
    try (PreparedStatement st = conn.prepareStatement(SELECT_DOOMED)) {
      st.setInt(1, request.retention.maxPerJob());
      st.setInt(2, request.retention.maxTotal());
      st.setLong(3, cutoff.toEpochMilli());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  /** Deletes these tasks in one transaction; with {@code last}, old fire claims too. */
  void deleteChunk(List<Long> seqs, boolean last, PruneRequest request) throws SQLException {
    inTransaction(
        () -> {
          try (PreparedStatement st = conn.prepareStatement("DELETE FROM tasks WHERE seq = ?")) {
            for (long seq : seqs) {
              st.setLong(1, seq);
              st.addBatch();
            }
            st.executeBatch();
          }
          if (last) {
            try (PreparedStatement st = conn.prepareStatement(PRUNE_CLAIMS)) {
              st.setLong(1, request.now.minus(request.retention.maxAge()).getEpochSecond());
              st.executeUpdate();
            }
          }
        });
  }

  interface SqlWork {
    void run() throws SQLException;
  }

  void inTransaction(SqlWork work) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
    }
    try {
      work.run();
      try (Statement st = conn.createStatement()) {
        st.execute("COMMIT");
      }
    } catch (SQLException | RuntimeException e) {
      try (Statement st = conn.createStatement()) {
        st.execute("ROLLBACK");
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
  }
}
