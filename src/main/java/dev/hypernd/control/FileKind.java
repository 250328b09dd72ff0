package dev.hypernd.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** What a path is, in the words of {@code ls -l} and stat(2), for messages. */
public final class FileKind {
  private FileKind() {}

  /** E.g. "a directory", "a regular file" or "a socket"; a symbolic link is not followed. */
  public static String of(Path path) throws IOException {
    int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    return switch (mode & 0170000) {
      case 0140000 -> "a socket";
      case 0120000 -> "a symbolic link";
      case 0100000 -> "a regular file";
      case 0040000 -> "a directory";
      case 0010000 -> "a FIFO (named pipe)";
      case 0020000 -> "a character device";
      case 0060000 -> "a block device";
      default -> "a special file";
    };
  }

  public static boolean isSocket(Path path) throws IOException {
    return of(path).equals("a socket");
  }
}
