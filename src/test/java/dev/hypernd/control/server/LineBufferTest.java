package dev.hypernd.control.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineBufferTest {
  private final ByteBuffer scratch = ByteBuffer.allocate(7);

  private static ReadableByteChannel channel(String text) {
    return Channels.newChannel(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(byte[] line) {
    return line == null ? null : new String(line, StandardCharsets.UTF_8);
  }

  @Test
  void splitsLinesAcrossReadsAndDropsCarriageReturns() throws IOException {
    LineBuffer buffer = new LineBuffer(64);
    ReadableByteChannel in = channel("first\r\nsecond line\nthi");
    while (buffer.readFrom(in, scratch) > 0) {
      // Reads in chunks of seven bytes.
    }
    assertThat(text(buffer.nextLine())).isEqualTo("first");
    assertThat(text(buffer.nextLine())).isEqualTo("second line");
    assertThat(buffer.nextLine()).isNull();
    assertThat(buffer.overflowed()).isFalse();
  }

  @Test
  void neverHoldsMoreThanOneLineOverTheLimit() throws IOException {
    LineBuffer buffer = new LineBuffer(100);
    ReadableByteChannel in = channel("x".repeat(10_000));
    long total = 0;
    for (int n; (n = buffer.readFrom(in, ByteBuffer.allocate(4096))) > 0; ) {
      total += n;
    }
    assertThat(total).isEqualTo(101);
    assertThat(buffer.hasRoom()).isFalse();
    assertThat(buffer.nextLine()).isNull();
    assertThat(buffer.overflowed()).isTrue();
  }

  @Test
  void aLineOfExactlyTheLimitIsAccepted() throws IOException {
    LineBuffer buffer = new LineBuffer(10);
    buffer.readFrom(channel("0123456789\n"), ByteBuffer.allocate(64));
    assertThat(text(buffer.nextLine())).isEqualTo("0123456789");
  }

  @Test
  void emptyLinesAreLines() throws IOException {
    LineBuffer buffer = new LineBuffer(10);
    buffer.readFrom(channel("\n\n"), ByteBuffer.allocate(64));
    assertThat(text(buffer.nextLine())).isEmpty();
    assertThat(text(buffer.nextLine())).isEmpty();
    assertThat(buffer.nextLine()).isNull();
  }

  @Test
  void growsForALongLineAndShrinksAfterIt() throws IOException {
    LineBuffer buffer = new LineBuffer(1 << 20);
    String longLine = "y".repeat(100_000);
    ReadableByteChannel in = channel(longLine + "\nshort\n");
    while (buffer.readFrom(in, ByteBuffer.allocate(8192)) > 0) {
      // Reads it all.
    }
    assertThat(text(buffer.nextLine())).isEqualTo(longLine);
    assertThat(text(buffer.nextLine())).isEqualTo("short");
  }
}
