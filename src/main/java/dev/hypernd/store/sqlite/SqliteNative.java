package dev.hypernd.store.sqlite;

import dev.hypernd.engine.store.StoreException;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Loads sqlite-jdbc's native library before any state file is touched, so that a library that
 * cannot be loaded is reported as such. Otherwise sqlite-jdbc reports it as "Error opening
 * connection", which reads as a problem with the file.
 *
 * <p>sqlite-jdbc loads the library from {@code org.sqlite.lib.path} when that is set (the Debian
 * package points it at {@code /usr/lib/hypernd}); else it extracts the copy inside its jar to
 * {@code org.sqlite.tmpdir}, by default {@code java.io.tmpdir}, and loads it from there, which
 * fails where that directory is mounted {@code noexec}.
 */
final class SqliteNative {
  private SqliteNative() {}

  static void load() {
    try {
      SQLiteJDBCLoader.initialize();
    } catch (Exception | LinkageError e) {
      throw new StoreException(
          "cannot load SQLite's native library ("
              + e.getMessage()
              + "). It is loaded from "
              + where()
              + ", which must exist and allow executing code: a directory mounted noexec does"
              + " not. Set -Dorg.sqlite.lib.path=DIR for a directory that holds"
              + " libsqlitejdbc.so, or -Dorg.sqlite.tmpdir=DIR for another place to extract it"
              + " to (in HYPERND_JAVA_OPTS for the packaged hypernd).",
          e);
    }
  }

  private static String where() {
    String path = System.getProperty("org.sqlite.lib.path");
    if (path != null) {
      return path;
    }
    String tmp = System.getProperty("org.sqlite.tmpdir", System.getProperty("java.io.tmpdir"));
    return tmp + " (extracted there from the jar)";
  }
}
