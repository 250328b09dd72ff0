package dev.hypernd.store.sqlite;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports failed writes: the first with its stack trace, then at most one line a minute while they
 * go on, and one line when writes resume. Used by the writer thread only.
 */
final class WriteFailureLog {
  private static final Logger log = LoggerFactory.getLogger(SqliteTaskStore.class);
  private static final long EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final String file;
  private long failuresSinceReport;
  private long failuresInOutage;
  private long lastReportNanos;
  private boolean inOutage;

  WriteFailureLog(String file) {
    this.file = file;
  }

  void failed(Exception e, int pending, long dropped) {
    failuresInOutage++;
    long now = System.nanoTime();
    if (!inOutage) {
      inOutage = true;
      lastReportNanos = now;
      log.error(
          "state file {}: cannot write changes ({}); the scheduler carries on from memory,"
              + " keeping {} unwritten change(s) and retrying. Changes from now on are not"
              + " durable: they are lost if the daemon stops before writes resume",
          file,
          PendingWrites.describe(e),
          pending,
          e);
      return;
    }
    failuresSinceReport++;
    if (now - lastReportNanos >= EVERY_NANOS) {
      log.error(
          "state file {}: still cannot write ({} failed attempt(s) in the last minute): {};"
              + " {} unwritten change(s) kept in memory, {} finished result(s) dropped to bound"
              + " memory",
          file,
          failuresSinceReport,
          PendingWrites.describe(e),
          pending,
          dropped);
      failuresSinceReport = 0;
      lastReportNanos = now;
    }
  }

  void succeeded(long dropped) {
    if (inOutage) {
      log.warn(
          "state file {}: writes resumed after {} failed attempt(s); every change kept in memory"
              + " is durable again{}",
          file,
          failuresInOutage,
          dropped > 0 ? " (" + dropped + " finished result(s) were dropped meanwhile)" : "");
      inOutage = false;
      failuresInOutage = 0;
      failuresSinceReport = 0;
    }
  }
}
