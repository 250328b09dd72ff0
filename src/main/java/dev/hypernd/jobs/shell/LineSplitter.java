package dev.hypernd.jobs.shell;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.function.LongSupplier;

/**
 * Cuts one output stream into lines for an {@link OutputSink}, holding at most one line's {@code
 * maxLineBytes}: the rest of a longer line is counted, not kept, so a job that writes 100 MB
 * without a line feed costs 4 KiB. Whether a line is passed is decided by the shared {@link
 * LineBudget} when the line starts, so the bytes of a left-out line are only scanned for its end,
 * never copied or decoded. The clock is read once per chunk of bytes, not per line. Used by the one
 * thread that reads the stream.
 */
final class LineSplitter {
  /** How often at most a stream reports the lines the rate limit left out. */
  static final long REPORT_NANOS = 1_000_000_000L;

  private final StdStream stream;
  private final OutputSink sink;
  private final LineBudget budget;
  private final LongSupplier nanoTime;
  private final byte[] line;
  private int length;
  private long cutBytes;
  private boolean inLine;
  private boolean passing;
  private long suppressed;
  private long suppressedSince;

  LineSplitter(
      StdStream stream,
      OutputSink sink,
      LineBudget budget,
      int maxLineBytes,
      LongSupplier nanoTime) {
    this.stream = stream;
    this.sink = sink;
    this.budget = budget;
    this.nanoTime = nanoTime;
    this.line = new byte[maxLineBytes];
  }

  void accept(byte[] bytes, int offset, int count) {
    long now = nanoTime.getAsLong();
    int end = offset + count;
    int i = offset;
    while (i < end) {
      if (!inLine) {
        startLine(now);
      }
      int feed = indexOfLineFeed(bytes, i, end);
      int stop = feed < 0 ? end : feed;
      if (passing) {
        keep(bytes, i, stop - i);
      }
      if (feed < 0) {
        return;
      }
      endLine();
      i = feed + 1;
    }
  }

  /** At the end of the stream: passes an unterminated last line and reports what was left out. */
  void finish() {
    if (inLine) {
      endLine();
    }
    if (suppressed > 0) {
      report();
    }
  }

  private void startLine(long now) {
    inLine = true;
    if (suppressed > 0 && now - suppressedSince >= REPORT_NANOS) {
      report();
    }
    passing = budget.take(now);
    if (!passing) {
      if (suppressed == 0) {
        suppressedSince = now;
      }
      suppressed++;
    }
  }

  private void report() {
    sink.suppressed(stream, suppressed);
    suppressed = 0;
  }

  private void keep(byte[] bytes, int offset, int count) {
    int room = line.length - length;
    int kept = Math.min(room, count);
    System.arraycopy(bytes, offset, line, length, kept);
    length += kept;
    cutBytes += count - kept;
  }

  private void endLine() {
    inLine = false;
    if (!passing) {
      return;
    }
    int end = length;
    long cut = cutBytes;
    if (cut > 0) {
      end = BoundedCapture.endOfLastWholeCharacter(line, length);
      cut += length - end;
    } else if (end > 0 && line[end - 1] == '\r') {
      end--;
    }
    String text = new String(line, 0, end, UTF_8);
    length = 0;
    cutBytes = 0;
    sink.line(stream, cut > 0 ? text + " … [" + cut + " bytes cut]" : text, cut);
  }

  private static int indexOfLineFeed(byte[] bytes, int from, int end) {
    for (int i = from; i < end; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
