package dev.hypernd.jobs.shell;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class BoundedCaptureTest {

  private static String capture(int head, int tail, String text) throws Exception {
    BoundedCapture capture = new BoundedCapture(head, tail);
    capture.consume(new ByteArrayInputStream(text.getBytes(UTF_8)));
    return capture.render();
  }

  @Test
  void outputThatFitsIsKeptWhole() throws Exception {
    assertThat(capture(4, 4, "")).isEmpty();
    assertThat(capture(4, 4, "abc")).isEqualTo("abc");
    assertThat(capture(4, 4, "abcdefgh")).isEqualTo("abcdefgh");
  }

  @Test
  void theMiddleIsDroppedAndCountedExactly() throws Exception {
    assertThat(capture(4, 4, "abcdXefgh")).isEqualTo("abcd…\n[1 bytes omitted]\n…efgh");
    assertThat(capture(2, 3, "0123456789")).isEqualTo("01…\n[5 bytes omitted]\n…789");
    assertThat(capture(0, 3, "0123456789")).isEqualTo("…\n[7 bytes omitted]\n…789");
    assertThat(capture(3, 0, "0123456789")).isEqualTo("012…\n[7 bytes omitted]\n…");
  }

  @Test
  void charactersCutAtEitherEdgeAreDroppedAndCounted() throws Exception {
    // "é" and "ü" are two bytes each: the head ends inside é, the tail starts inside ü.
    assertThat(capture(2, 2, "aé-----üz")).isEqualTo("a…\n[9 bytes omitted]\n…z");
    assertThat(capture(3, 3, "aé-----üz")).isEqualTo("aé…\n[5 bytes omitted]\n…üz");
  }

  @Test
  void aFourByteCharacterCutInTheHeadIsDropped() throws Exception {
    assertThat(capture(3, 1, "😀" + "-".repeat(10))).isEqualTo("…\n[13 bytes omitted]\n…-");
  }

  @Test
  void malformedBytesAreReplaced() throws Exception {
    BoundedCapture capture = new BoundedCapture(8, 8);
    capture.append(new byte[] {'a', (byte) 0xFF, 'b'}, 0, 3);

    assertThat(capture.render()).isEqualTo("a\uFFFDb");
  }

  @Test
  void aWriteLargerThanTheTailKeepsItsEnd() {
    BoundedCapture capture = new BoundedCapture(2, 3);
    capture.append("ab".getBytes(UTF_8), 0, 2);
    capture.append("cd".getBytes(UTF_8), 0, 2);
    capture.append("0123456789".getBytes(UTF_8), 0, 10);

    assertThat(capture.render()).isEqualTo("ab…\n[9 bytes omitted]\n…789");
    assertThat(capture.totalBytes()).isEqualTo(14);
  }

  @Test
  void consumingAHundredMegabytesAllocatesOnlyTheReadBuffer() throws Exception {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    BoundedCapture capture = new BoundedCapture(16 * 1024, 16 * 1024);
    InputStream hundredMegabytes = new RepeatedByteStream('x', 100_000_000);

    long before = threads.getCurrentThreadAllocatedBytes();
    long total = capture.consume(hundredMegabytes);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(total).isEqualTo(100_000_000);
    assertThat(allocated).isLessThan(64 * 1024);
    assertThat(capture.render()).contains("[" + (100_000_000 - 32 * 1024) + " bytes omitted]");
  }

  /** {@code length} copies of one byte, produced without allocating. */
  private static final class RepeatedByteStream extends InputStream {
    private final byte value;
    private long remaining;

    RepeatedByteStream(char value, long length) {
      this.value = (byte) value;
      this.remaining = length;
    }

    @Override
    public int read() {
      if (remaining == 0) {
        return -1;
      }
      remaining--;
      return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (remaining == 0) {
        return -1;
      }
      int n = (int) Math.min(length, remaining);
      java.util.Arrays.fill(buffer, offset, offset + n, value);
      remaining -= n;
      return n;
    }
  }
}
