package dev.hypernd.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether standard output or error is connected to systemd's journal. systemd sets {@code
 * JOURNAL_STREAM=DEVICE:INODE} for a service whose output goes to the journal; the variable is
 * inherited by everything the service starts, so it counts only for a descriptor that still is that
 * stream (systemd.exec(5), "Environment variables in spawned processes").
 */
final class JournalStream {
  private JournalStream() {}

  /** Whether this process's standard output is the journal stream that {@code env} names. */
  static boolean isStdout(Map<String, String> env) {
    return isFd(1, env);
  }

  /** Whether this process's standard error is the journal stream that {@code env} names. */
  static boolean isStderr(Map<String, String> env) {
    return isFd(2, env);
  }

  private static boolean isFd(int fd, Map<String, String> env) {
    String value = env.get("JOURNAL_STREAM");
    if (value == null) {
      return false;
    }
    Path path = Path.of("/proc/self/fd/" + fd);
    try {
      long device = ((Number) Files.getAttribute(path, "unix:dev")).longValue();
      long inode = ((Number) Files.getAttribute(path, "unix:ino")).longValue();
      return names(value, device, inode);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether {@code value}, a {@code JOURNAL_STREAM} of decimal {@code DEVICE:INODE}, names it. */
  static boolean names(String value, long device, long inode) {
    int colon = value.indexOf(':');
    if (colon < 0) {
      return false;
    }
    try {
      return Long.parseUnsignedLong(value.substring(0, colon)) == device
          && Long.parseUnsignedLong(value.substring(colon + 1)) == inode;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
