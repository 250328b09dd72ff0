package dev.hypernd.jobs.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a path is, in the words of {@code ls -l} and stat(2), for messages. */
final class FileKind {
  private FileKind() {}

  /** E.g. "a directory" or "a FIFO (named pipe)", following symbolic links. */
  static String of(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return "a directory";
    }
    int mode = (Integer) Files.getAttribute(path, "unix:mode");
    return switch (mode & 0170000) {
      case 0100000 -> "a regular file";
      case 0010000 -> "a FIFO (named pipe)";
      case 0020000 -> "a character device";
      case 0060000 -> "a block device";
      case 0140000 -> "a socket";
      default -> "a special file";
    };
  }
}
