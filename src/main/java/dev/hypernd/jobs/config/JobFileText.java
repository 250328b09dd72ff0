package dev.hypernd.jobs.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Reads a job file's text within limits, so that no file, by mistake or on purpose, can make a load
 * hang, run out of memory or recurse until the stack overflows. The limits are documented in
 * hypernd.yaml(5); each is far above what a real job file needs.
 */
final class JobFileText {
  /** The largest job file, in bytes: some 60,000 jobs of three short lines. */
  static final int MAX_BYTES = 4 * 1024 * 1024;

  /**
   * The longest line and the longest value, in characters. A longer script does not fit one
   * argument of {@code sh -c} on Linux anyway (128 KiB), and a very long line is what makes the
   * YAML scanner slow (a 10 MB line took 40 s to reject).
   */
  static final int MAX_LINE_CHARS = 64 * 1024;

  /** How deep lists and mappings may nest; a job file needs about six levels. */
  static final int MAX_DEPTH = 32;

  /**
   * How many aliases ({@code *name}) of lists and mappings a file may use, as snakeyaml-engine
   * counts them. The loader reads a fixed shape and never expands the shared nodes, so this guards
   * the parser rather than the loader; it is high enough for a hundred jobs sharing a few blocks.
   */
  static final int MAX_COLLECTION_ALIASES = 1000;

  private JobFileText() {}

  /** The file's text, or empty with the reason reported at line 0. */
  static Optional<String> read(Path file, ErrorSink errors) {
    try {
      // Checked before opening: opening a FIFO waits for a writer, and a device never ends. A file
      // swapped for one between this check and the open can still block; only someone who may
      // replace the job file can do that, and they could as well write any job into it.
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        return unreadable(file, errors, "it is " + FileKind.of(file) + ", not a regular file");
      }
      Optional<byte[]> bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = readLimited(in, MAX_BYTES);
      }
      if (bytes.isEmpty()) {
        return unreadable(
            file,
            errors,
            String.format(
                "it is larger than %d MiB (%,d bytes), the limit for a job file",
                MAX_BYTES >> 20, MAX_BYTES));
      }
      return Optional.of(utf8(bytes.get()));
    } catch (IOException e) {
      return unreadable(file, errors, reason(e));
    }
  }

  /**
   * At most {@code limit} bytes of {@code in}, counted as they are read rather than taken from the
   * file's size, which a growing file, a {@code /proc} file or a device does not tell truly.
   *
   * @return empty when {@code in} has more than {@code limit} bytes
   */
  static Optional<byte[]> readLimited(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit + 1);
    return bytes.length > limit ? Optional.empty() : Optional.of(bytes);
  }

  /**
   * Reports every line longer than {@link #MAX_LINE_CHARS}, before the YAML scanner, which is slow
   * on them, sees the text.
   *
   * @return whether every line is within the limit
   */
  static boolean checkLines(String text, ErrorSink errors) {
    int line = 1;
    int start = 0;
    boolean ok = true;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      if (end - start > MAX_LINE_CHARS) {
        errors.add(line, 1, "", tooLong("line", end - start));
        ok = false;
      }
      start = end + 1;
      line++;
    }
    return ok;
  }

  static String tooLong(String what, int length) {
    return String.format(
        "the %s is %,d characters long; lines and values are limited to %,d characters (keep a"
            + " long script in a file the job runs)",
        what, length, MAX_LINE_CHARS);
  }

  private static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** The operating system's words, which users can look up. */
  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    return e.getMessage();
  }

  private static Optional<String> unreadable(Path file, ErrorSink errors, String reason) {
    errors.add(0, 0, "", "cannot read the job file: " + reason);
    return Optional.empty();
  }
}
