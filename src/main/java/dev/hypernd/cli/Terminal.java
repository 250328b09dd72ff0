package dev.hypernd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether hypernctl's standard output is a terminal. Java 17's {@code System.console()} answers for
 * standard input and output together, so {@code hypernctl status </dev/null} on a terminal looked
 * like a pipe; what the output is connected to is what decides tables and colour. On Linux the
 * descriptor's link in {@code /proc/self/fd} names the device.
 */
final class Terminal {
  private Terminal() {}

  /** Whether standard output is a terminal. */
  static boolean isStdout() {
    try {
      return isTerminalDevice(Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // No /proc (not Linux): the JDK's answer, which also needs standard input to be one.
      return System.console() != null;
    }
  }

  /** A pseudo-terminal, a virtual console, a serial line or the console. */
  static boolean isTerminalDevice(String path) {
    return path.startsWith("/dev/pts/")
        || path.startsWith("/dev/tty")
        || path.equals("/dev/console");
  }
}
