package dev.hypernd.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Whether standard output is a terminal, as {@code isatty(1)} would say, without native code.
 *
 * <p>Java 17 has no {@code isatty}: {@code System.console()} is null as soon as standard input
 * <em>or</em> output is redirected, so {@code hypernd run jobs.yaml < /dev/null} in a terminal
 * would count as none, and {@code Console.isTerminal()} arrived only in Java 22. Linux shows what a
 * descriptor is open on as the link {@code /proc/self/fd/N}: a terminal is a character device named
 * {@code /dev/pts/N} (pseudo-terminals: terminal emulators, ssh, tmux, screen, script), {@code
 * /dev/ttyX} (virtual consoles, serial lines) or {@code /dev/console} (the system's or a
 * container's console). Pipes and sockets, journald's stream among them, read {@code pipe:[N]} and
 * {@code socket:[N]}; files and {@code /dev/null} read as their paths. Anything else, and a system
 * without {@code /proc}, counts as no terminal, so that the default stays the machine-readable one.
 *
 * <p>Both programs decide by it: hypernd its log format, hypernctl its colours and whether to cut
 * long cells to fit.
 */
public final class Terminal {
  private static final Pattern TERMINAL_DEVICE = Pattern.compile("/dev/(pts/\\d+|tty\\w*|console)");
  private static final int FILE_TYPE_MASK = 0170000;
  private static final int CHARACTER_DEVICE = 0020000;

  private Terminal() {}

  /** Whether this process's standard output is a terminal. */
  public static boolean isStdout() {
    return isTerminal(Path.of("/proc/self/fd/1"));
  }

  /** Whether {@code descriptor}, a link such as {@code /proc/self/fd/1}, leads to a terminal. */
  static boolean isTerminal(Path descriptor) {
    try {
      String target = Files.readSymbolicLink(descriptor).toString();
      if (!TERMINAL_DEVICE.matcher(target).matches()) {
        return false;
      }
      int mode = (Integer) Files.getAttribute(descriptor, "unix:mode");
      return (mode & FILE_TYPE_MASK) == CHARACTER_DEVICE;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }
}
