package dev.hypernd.jobs.shell;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Lines cut from output bytes, with a hand-driven monotonic clock for the rate limit. */
class OutputLinesTest {
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong nanos = new AtomicLong(5 * SECOND);
  private final RecordingSink sink = new RecordingSink();

  private OutputLines lines(OutputLimits limits) {
    return OutputLines.to(sink, limits, nanos::get);
  }

  private LineSplitter splitter(OutputLines lines, StdStream stream) {
    return lines.splitter(stream).orElseThrow();
  }

  private static void feed(LineSplitter splitter, String text) {
    byte[] bytes = text.getBytes(UTF_8);
    splitter.accept(bytes, 0, bytes.length);
  }

  @Test
  void linesAreSplitAtLineFeedsWhateverTheChunksAndTheLastLineNeedsNone() {
    LineSplitter out = splitter(lines(OutputLimits.DEFAULTS), StdStream.STDOUT);

    feed(out, "first\nsec");
    feed(out, "ond\r\n\nthi");
    feed(out, "rd");
    out.finish();

    assertThat(sink.events)
        .containsExactly("stdout: first", "stdout: second", "stdout: ", "stdout: third");
    assertThat(sink.cuts).containsOnly(0L);
  }

  @Test
  void aLineOverTheLimitIsCutOnACharacterBoundaryAndSaysHowMuchWasCut() {
    LineSplitter err = splitter(lines(new OutputLimits(16, 10, 1)), StdStream.STDERR);

    // 15 ASCII bytes, then "é" (2 bytes) straddles the 16-byte limit: it is cut whole.
    feed(err, "abcdefghijklmnoé" + "x".repeat(100) + "\nshort\n");
    err.finish();

    assertThat(sink.events)
        .containsExactly("stderr: abcdefghijklmno … [102 bytes cut]", "stderr: short");
    assertThat(sink.cuts).containsExactly(102L, 0L);
  }

  @Test
  void malformedUtf8IsReplacedNotFatal() {
    LineSplitter out = splitter(lines(OutputLimits.DEFAULTS), StdStream.STDOUT);

    out.accept(new byte[] {'a', (byte) 0xff, 'b', '\n'}, 0, 4);

    assertThat(sink.events).containsExactly("stdout: a\uFFFDb");
  }

  @Test
  void afterTheBurstTheSteadyRateAppliesAndLeftOutLinesAreCountedOncePerSecond() {
    OutputLines shared = lines(new OutputLimits(4096, 3, 2));
    LineSplitter out = splitter(shared, StdStream.STDOUT);
    LineSplitter err = splitter(shared, StdStream.STDERR);

    feed(out, "1\n2\n");
    feed(err, "3\n4\n5\n"); // the burst of 3 is shared: 4 and 5 are left out
    nanos.addAndGet(SECOND / 2); // one line earned
    feed(out, "6\n7\n");
    nanos.addAndGet(SECOND / 2); // one more, and a second since stderr's first loss
    feed(err, "8\n9\n");
    out.finish();
    err.finish();

    assertThat(sink.events)
        .containsExactly(
            "stdout: 1",
            "stdout: 2",
            "stderr: 3",
            "stdout: 6",
            "stderr: -2", // reported a second after the first loss, before the next line
            "stderr: 8",
            "stdout: -1", // reported when the stream ends
            "stderr: -1");
  }

  @Test
  void noLineOnlyTheCountIsPassedWhileTheRateIsExceeded() {
    OutputLines limited = lines(new OutputLimits(4096, 5, 1));
    LineSplitter out = splitter(limited, StdStream.STDOUT);

    feed(out, "line\n".repeat(1000));
    out.finish();

    assertThat(sink.lines()).isEqualTo(5);
    assertThat(sink.suppressed()).isEqualTo(995);
    assertThat(sink.events).last().isEqualTo("stdout: -995");
  }

  @Test
  void aHundredMegabytesOfLinesCostOnlyTheLinesPassedInMemory() throws Exception {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    BoundedCapture capture = new BoundedCapture(16 * 1024, 16 * 1024);
    OutputLines limited = lines(new OutputLimits(4096, 10, 1));
    InputStream hundredMegabytes = new RepeatedLines("y".repeat(99) + "\n", 1_000_000);

    long before = threads.getCurrentThreadAllocatedBytes();
    long total = OutputDrain.drain(hundredMegabytes, capture, limited, StdStream.STDOUT);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(total).isEqualTo(100_000_000);
    assertThat(sink.lines()).isEqualTo(10);
    assertThat(sink.suppressed()).isEqualTo(999_990);
    assertThat(allocated).isLessThan(128 * 1024);
  }

  @Test
  void aHundredMegabyteLineWithoutLineFeedIsOneCutLine() throws Exception {
    BoundedCapture capture = new BoundedCapture(16, 16);
    InputStream oneLine = new RepeatedLines("x", 100_000_000);

    OutputDrain.drain(oneLine, capture, lines(OutputLimits.DEFAULTS), StdStream.STDOUT);

    assertThat(sink.events).hasSize(1);
    assertThat(sink.events.get(0)).endsWith("x … [" + (100_000_000 - 4096) + " bytes cut]");
  }

  @Test
  void discardedOutputIsOnlyCaptured() throws Exception {
    BoundedCapture capture = new BoundedCapture(1024, 1024);

    OutputDrain.drain(
        new ByteArrayInputStream("a\nb\n".getBytes(UTF_8)),
        capture,
        OutputLines.discard(),
        StdStream.STDOUT);

    assertThat(capture.render()).isEqualTo("a\nb\n");
    assertThat(OutputLines.discard().splitter(StdStream.STDOUT)).isEmpty();
  }

  /** {@code count} copies of one line, produced without allocating per read. */
  private static final class RepeatedLines extends InputStream {
    private final byte[] line;
    private long remaining;
    private int position;

    RepeatedLines(String line, long count) {
      this.line = line.getBytes(UTF_8);
      this.remaining = count * this.line.length;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (remaining == 0) {
        return -1;
      }
      int n = (int) Math.min(length, remaining);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = line[position];
        position = (position + 1) % line.length;
      }
      remaining -= n;
      return n;
    }
  }
}
