package dev.hypernd.control;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and error in UTF-8 for {@code hypernd} and {@code hypernctl}, whatever the
 * locale. Java 17 encodes {@code System.out}, and picocli its writers, in the locale's charset:
 * ASCII with {@code LANG} unset or {@code LC_ALL=C}, where {@code café} prints as {@code caf?},
 * even inside JSON. What these programs print (job output, JSON, the file's errors) is UTF-8 text,
 * and so is what the terminals, journald and the scripts that read it expect.
 */
public final class Utf8Output {
  private Utf8Output() {}

  /**
   * Replaces {@code System.out} and {@code System.err} with streams that encode in UTF-8 onto the
   * ones they replace, used as byte sinks (a {@code PrintStream} passes bytes through unchanged),
   * so that they write where the old ones did: descriptors 1 and 2, or what a test put there.
   */
  public static void install() {
    System.setOut(utf8(System.out));
    System.setErr(utf8(System.err));
  }

  /** A writer that encodes in UTF-8 onto {@code stream}, flushed at every line. */
  public static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  /** Flushed at each line, as the JVM's own. */
  private static PrintStream utf8(PrintStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
