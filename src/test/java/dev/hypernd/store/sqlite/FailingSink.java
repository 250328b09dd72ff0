package dev.hypernd.store.sqlite;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Wraps the writer's SQL and fails every batch while {@link #failing} is set, as a full disk. */
final class FailingSink implements BatchSink {
  private final BatchSink real;
  volatile boolean failing;
  final AtomicInteger failures = new AtomicInteger();

  FailingSink(BatchSink real) {
    this.real = real;
  }

  @Override
  public void write(Batch batch) throws SQLException {
    if (failing) {
      failures.incrementAndGet();
      throw new SQLiteException(
          "[SQLITE_FULL] Insertion failed because database is full (database or disk is full)",
          SQLiteErrorCode.SQLITE_FULL);
    }
    real.write(batch);
  }
}
