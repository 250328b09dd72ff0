package dev.hypernd.jobs.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads one output pipe to its end into the bounded capture and, unless discarded, into lines. */
final class OutputDrain {
  private static final int READ_CHUNK = 8192;

  private OutputDrain() {}

  /** Reads {@code in} to its end and closes it; the total byte count. */
  static long drain(InputStream in, BoundedCapture capture, OutputLines lines, StdStream stream)
      throws IOException {
    Optional<LineSplitter> splitter = lines.splitter(stream);
    if (splitter.isEmpty()) {
      return capture.consume(in);
    }
    LineSplitter lineSplitter = splitter.get();
    byte[] chunk = new byte[READ_CHUNK];
    long total = 0;
    try (in) {
      for (int n; (n = in.read(chunk)) != -1; ) {
        capture.append(chunk, 0, n);
        lineSplitter.accept(chunk, 0, n);
        total += n;
      }
    } finally {
      // Even when reading fails, the lines so far and the count of those left out are passed on.
      lineSplitter.finish();
    }
    return total;
  }
}
