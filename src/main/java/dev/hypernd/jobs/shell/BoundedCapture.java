package dev.hypernd.jobs.shell;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;

/**
 * Keeps the first and the last bytes of an output stream in fixed buffers, however much passes
 * through, and counts the rest.
 *
 * <p>One thread writes ({@link #consume}) while another may render a snapshot at any time, for
 * instance when a process outside the job still holds the pipe open; hence the locking.
 */
final class BoundedCapture {
  private static final int READ_CHUNK = 8192;

  private final byte[] head;
  private final byte[] tail;
  private int headLength;
  private int tailStart;
  private int tailLength;
  private long totalBytes;

  BoundedCapture(int headBytes, int tailBytes) {
    this.head = new byte[headBytes];
    this.tail = new byte[tailBytes];
  }

  /** Reads {@code in} to its end, keeping head and tail, and closes it; the total byte count. */
  long consume(InputStream in) throws IOException {
    byte[] chunk = new byte[READ_CHUNK];
    try (in) {
      for (int n; (n = in.read(chunk)) != -1; ) {
        append(chunk, 0, n);
      }
    }
    return totalBytes();
  }

  synchronized void append(byte[] bytes, int offset, int length) {
    totalBytes += length;
    int toHead = Math.min(length, head.length - headLength);
    System.arraycopy(bytes, offset, head, headLength, toHead);
    headLength += toHead;
    appendToTail(bytes, offset + toHead, length - toHead);
  }

  private void appendToTail(byte[] bytes, int offset, int length) {
    int capacity = tail.length;
    if (length == 0 || capacity == 0) {
      return;
    }
    if (length >= capacity) {
      System.arraycopy(bytes, offset + length - capacity, tail, 0, capacity);
      tailStart = 0;
      tailLength = capacity;
      return;
    }
    int end = (tailStart + tailLength) % capacity;
    int beforeWrap = Math.min(length, capacity - end);
    System.arraycopy(bytes, offset, tail, end, beforeWrap);
    System.arraycopy(bytes, offset + beforeWrap, tail, 0, length - beforeWrap);
    tailLength += length;
    if (tailLength > capacity) {
      tailStart = (tailStart + tailLength - capacity) % capacity;
      tailLength = capacity;
    }
  }

  synchronized long totalBytes() {
    return totalBytes;
  }

  /**
   * The kept text, decoded as UTF-8 with malformed bytes replaced. When bytes were dropped, the
   * head and tail are joined by {@code …\n[N bytes omitted]\n…}, where N counts every byte not
   * shown, including a character cut in half at either edge (dropped rather than garbled).
   */
  synchronized String render() {
    byte[] kept = new byte[headLength + tailLength];
    System.arraycopy(head, 0, kept, 0, headLength);
    int beforeWrap = Math.min(tailLength, tail.length - tailStart);
    System.arraycopy(tail, tailStart, kept, headLength, beforeWrap);
    System.arraycopy(tail, 0, kept, headLength + beforeWrap, tailLength - beforeWrap);
    long omitted = totalBytes - kept.length;
    if (omitted == 0) {
      return new String(kept, UTF_8);
    }
    int headEnd = endOfLastWholeCharacter(kept, headLength);
    int tailFrom = headLength + leadingContinuationBytes(kept, headLength);
    omitted += (headLength - headEnd) + (tailFrom - headLength);
    return new String(kept, 0, headEnd, UTF_8)
        + "…\n["
        + omitted
        + " bytes omitted]\n…"
        + new String(kept, tailFrom, kept.length - tailFrom, UTF_8);
  }

  /** {@code end}, or where a UTF-8 sequence that {@code end} cuts short starts. */
  static int endOfLastWholeCharacter(byte[] bytes, int end) {
    for (int i = end - 1; i >= Math.max(0, end - 3); i--) {
      int b = bytes[i] & 0xFF;
      if (!isContinuation(b)) {
        int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return i + length > end ? i : end;
      }
    }
    return end;
  }

  /** How many bytes from {@code from} continue a character that started before it (at most 3). */
  private static int leadingContinuationBytes(byte[] bytes, int from) {
    int count = 0;
    while (count < 3 && from + count < bytes.length && isContinuation(bytes[from + count] & 0xFF)) {
      count++;
    }
    return count;
  }

  private static boolean isContinuation(int b) {
    return (b & 0xC0) == 0x80;
  }
}
