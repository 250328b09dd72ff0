package dev.hypernd.control.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * Bytes read from one connection, split into LF-terminated lines (a CR before the LF is dropped).
 * It never holds more than {@code maxLine + 1} bytes, so a client cannot make the daemon buffer
 * more than that however long its line is; it starts small and grows as lines need.
 */
final class LineBuffer {
  private static final int INITIAL_CAPACITY = 4096;

  private final int maxLine;
  private byte[] bytes;
  private int start;
  private int end;
  private int scanned;

  LineBuffer(int maxLine) {
    this.maxLine = maxLine;
    this.bytes = new byte[Math.min(INITIAL_CAPACITY, maxLine + 1)];
  }

  /** Whether another read may add bytes. */
  boolean hasRoom() {
    return end - start <= maxLine;
  }

  /**
   * Reads what {@code channel} has, up to the room left, through {@code scratch}.
   *
   * @return the bytes read, or -1 at end of stream
   */
  int readFrom(ReadableByteChannel channel, ByteBuffer scratch) throws IOException {
    int room = maxLine + 1 - (end - start);
    if (room <= 0) {
      return 0;
    }
    scratch.clear().limit(Math.min(room, scratch.capacity()));
    int n = channel.read(scratch);
    if (n > 0) {
      scratch.flip();
      ensureSpace(n);
      scratch.get(bytes, end, n);
      end += n;
    }
    return n;
  }

  /** The next complete line without its terminator, or {@code null} when there is none yet. */
  byte[] nextLine() {
    for (int i = Math.max(scanned, start); i < end; i++) {
      if (bytes[i] == '\n') {
        int lineEnd = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
        byte[] line = Arrays.copyOfRange(bytes, start, lineEnd);
        start = i + 1;
        scanned = start;
        shrinkIfEmpty();
        return line;
      }
    }
    scanned = end;
    return null;
  }

  /** Whether the unfinished line is already longer than allowed (call after {@link #nextLine}). */
  boolean overflowed() {
    return end - start > maxLine;
  }

  /** After a long line, gives its memory back rather than keeping it per idle connection. */
  private void shrinkIfEmpty() {
    if (start == end && bytes.length > INITIAL_CAPACITY) {
      bytes = new byte[INITIAL_CAPACITY];
      start = 0;
      end = 0;
      scanned = 0;
    }
  }

  private void ensureSpace(int n) {
    if (end + n <= bytes.length) {
      return;
    }
    int used = end - start;
    if (used + n > bytes.length) {
      int capacity = bytes.length;
      while (capacity < used + n) {
        capacity = Math.min(capacity * 2, maxLine + 1);
      }
      bytes = Arrays.copyOfRange(bytes, start, start + capacity);
    } else {
      System.arraycopy(bytes, start, bytes, 0, used);
    }
    scanned -= start;
    start = 0;
    end = used;
  }
}
