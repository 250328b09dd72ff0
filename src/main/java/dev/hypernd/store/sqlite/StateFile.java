package dev.hypernd.store.sqlite;

import dev.hypernd.engine.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Opens a state file: takes its lock, checks that it is a hypernd database of a version this build
 * understands and undamaged, and only then switches it to WAL and migrates it. Any problem is a
 * {@link StoreException} naming the file, and the file is left as it was.
 */
final class StateFile {
  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final String LEFT_UNTOUCHED =
      " The file was left untouched: move it aside to start with an empty state, or restore a"
          + " backup.";

  /** What an open state file gives the store. The lock is held until {@link #close()}. */
  record Opened(
      Path file,
      Connection writer,
      Connection reader,
      FileChannel lockChannel,
      long firstId,
      long durableHigh) {}

  private StateFile() {}

  static Opened open(Path requested, int idBlock) {
    Path file = requested.toAbsolutePath().normalize();
    if (Files.isDirectory(file)) {
      throw new StoreException(
          "state file "
              + file
              + " is a directory; give the path of a file, such as "
              + file
              + "/state.db");
    }
    createParent(file);
    FileChannel lock = lock(file);
    Connection writer = null;
    Connection reader = null;
    try {
      checkHeader(file);
      writer = connect(file);
      check(file, writer);
      try (Statement st = writer.createStatement()) {
        try (ResultSet rs = st.executeQuery("PRAGMA journal_mode=WAL")) {
          String mode = rs.next() ? rs.getString(1) : "";
          if (!"wal".equalsIgnoreCase(mode)) {
            throw new StoreException(
                "state file " + file + ": cannot switch to WAL mode (got " + mode + ")");
          }
        }
        // FULL: each commit syncs the WAL, so a committed batch survives a power loss too.
        st.execute("PRAGMA synchronous=FULL");
      }
      migrate(file, writer);
      long[] ids = reserveFirstBlock(writer, idBlock);
      reader = connect(file);
      try (Statement st = reader.createStatement()) {
        st.execute("PRAGMA query_only=1");
      }
      return new Opened(file, writer, reader, lock, ids[0], ids[1]);
    } catch (SQLException e) {
      closeQuietly(reader);
      closeQuietly(writer);
      closeQuietly(lock);
      throw translate(file, e);
    } catch (RuntimeException e) {
      closeQuietly(reader);
      closeQuietly(writer);
      closeQuietly(lock);
      throw e;
    }
  }

  private static void createParent(Path file) {
    Path dir = file.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new StoreException("cannot create the directory of state file " + file + ": " + e, e);
      }
    }
  }

  // One daemon per state file: a second one would run every job twice and reuse task ids.
  private static FileChannel lock(Path file) {
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new StoreException(
          "cannot create the lock file "
              + lockFile
              + " of state file "
              + file
              + " (is the directory read-only?): "
              + e,
          e);
    }
    FileLock held;
    try {
      held = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      held = null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StoreException("cannot lock " + lockFile + ": " + e, e);
    }
    if (held == null) {
      closeQuietly(channel);
      throw new StoreException(
          "state file "
              + file
              + " is in use by another hypernd (it holds "
              + lockFile
              + "); stop that one first, or give this one another state file");
    }
    return channel;
  }

  private static void checkHeader(Path file) {
    long size;
    try {
      size = Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new StoreException("cannot read state file " + file + ": " + e, e);
    }
    if (size == 0) {
      return;
    }
    byte[] head = new byte[SQLITE_MAGIC.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new StoreException("cannot read state file " + file + ": " + e, e);
    }
    if (n < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
      throw new StoreException(
          "state file "
              + file
              + " is not a hypernd state database: it does not start with the SQLite header"
              + " (it is damaged, or another kind of file)."
              + LEFT_UNTOUCHED);
    }
    if (size < 512) {
      throw new StoreException(
          "state file "
              + file
              + " is damaged: it is truncated to "
              + size
              + " bytes."
              + LEFT_UNTOUCHED);
    }
  }

  private static void check(Path file, Connection conn) throws SQLException {
    int version = pragmaInt(conn, "user_version");
    int appId = pragmaInt(conn, "application_id");
    List<String> tables = tables(conn);
    if (version > Schema.LATEST) {
      throw new StoreException(
          "state file "
              + file
              + " has schema version "
              + version
              + ", but this hypernd understands versions up to "
              + Schema.LATEST
              + ": it was written by a newer hypernd. Run that version, or give this one another"
              + " state file; the file was left untouched.");
    }
    boolean foreignId = appId != 0 && appId != Schema.APPLICATION_ID;
    boolean foreignTables = version == 0 && !tables.isEmpty();
    if (foreignId || foreignTables || (version > 0 && appId != Schema.APPLICATION_ID)) {
      throw new StoreException(
          "state file "
              + file
              + " is a SQLite database of another application (application_id "
              + String.format("0x%08x", appId)
              + ", tables "
              + tables
              + "); give hypernd a file of its own. The file was left untouched.");
    }
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA quick_check(5)")) {
      List<String> problems = new ArrayList<>();
      while (rs.next()) {
        problems.add(rs.getString(1));
      }
      if (!problems.equals(List.of("ok"))) {
        throw new StoreException(
            "state file "
                + file
                + " is damaged (SQLite's check: "
                + problems
                + ")."
                + LEFT_UNTOUCHED);
      }
    }
  }

  private static void migrate(Path file, Connection conn) throws SQLException {
    int version = pragmaInt(conn, "user_version");
    for (int v = version + 1; v <= Schema.LATEST; v++) {
      SqlWrites tx = new SqlWrites(conn);
      int target = v;
      tx.inTransaction(
          () -> {
            try (Statement st = conn.createStatement()) {
              for (String sql : Schema.MIGRATIONS.get(target - 1)) {
                st.execute(sql);
              }
              st.execute("PRAGMA application_id=" + Schema.APPLICATION_ID);
              st.execute("PRAGMA user_version=" + target);
            }
          });
    }
  }

  /** Starts after every number the file has seen and durably reserves the first block. */
  private static long[] reserveFirstBlock(Connection conn, int idBlock) throws SQLException {
    long high;
    long maxSeq;
    try (Statement st = conn.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT high_water FROM task_sequence")) {
        high = rs.next() ? rs.getLong(1) : 0;
      }
      try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM tasks")) {
        maxSeq = rs.next() ? rs.getLong(1) : 0;
      }
    }
    long first = Math.max(high, maxSeq) + 1;
    long reserved = first - 1 + idBlock;
    SqlWrites tx = new SqlWrites(conn);
    tx.inTransaction(() -> tx.raiseHighWater(reserved));
    return new long[] {first, reserved};
  }

  private static Connection connect(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(10_000);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file);
    return source.getConnection();
  }

  private static int pragmaInt(Connection conn, String name) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static List<String> tables(Connection conn) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static StoreException translate(Path file, SQLException e) {
    if (e instanceof SQLiteException se) {
      SQLiteErrorCode code = se.getResultCode();
      if (code == SQLiteErrorCode.SQLITE_NOTADB || code.name().startsWith("SQLITE_CORRUPT")) {
        return new StoreException(
            "state file " + file + " is damaged (SQLite: " + e.getMessage() + ")." + LEFT_UNTOUCHED,
            e);
      }
    }
    return new StoreException("cannot open state file " + file + ": " + e.getMessage(), e);
  }

  static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // Closing after a failure: the first error is the one to report.
      }
    }
  }
}
