package dev.hypernd.store.sqlite;

import java.sql.SQLException;

/** Where the writer thread puts a batch: one transaction in the state file. */
interface BatchSink {
  /** Writes the whole batch in one transaction, or nothing of it. */
  void write(Batch batch) throws SQLException;
}
