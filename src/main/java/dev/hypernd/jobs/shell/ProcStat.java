package dev.hypernd.jobs.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields of {@code /proc/PID/stat} that tell which process group and session a process belongs
 * to (proc(5)).
 */
record ProcStat(
    long pid, String name, char state, long parentPid, long processGroup, long session) {
  private static final Path PROC = Path.of("/proc");

  @Override
  public String toString() {
    return pid + " (" + name + ")";
  }

  /** Zombies ({@code Z}) and dead tasks ({@code X}) have exited and only wait to be reaped. */
  boolean hasExited() {
    return state == 'Z' || state == 'X';
  }

  static Optional<ProcStat> read(long pid) {
    try {
      return Optional.of(parse(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"))));
    } catch (IOException e) {
      // Not there, or gone between open and read (ESRCH): either way not running.
      return Optional.empty();
    }
  }

  /** Every process visible in {@code /proc}. */
  static List<ProcStat> all() {
    List<ProcStat> all = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, ProcStat::isPidEntry)) {
      for (Path entry : entries) {
        read(Long.parseLong(entry.getFileName().toString())).ifPresent(all::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + PROC, e);
    }
    return all;
  }

  static ProcStat parse(String line) {
    // The command name (field 2) is in parentheses and may itself hold spaces and ')'; the
    // fields after the last ')' are plain numbers and letters.
    int nameEnd = line.lastIndexOf(')');
    String[] fields = line.substring(nameEnd + 2).split(" ", 5);
    return new ProcStat(
        Long.parseLong(line.substring(0, line.indexOf(' '))),
        line.substring(line.indexOf('(') + 1, nameEnd),
        fields[0].charAt(0),
        Long.parseLong(fields[1]),
        Long.parseLong(fields[2]),
        Long.parseLong(fields[3]));
  }

  private static boolean isPidEntry(Path entry) {
    String name = entry.getFileName().toString();
    return !name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
