package dev.hypernd.daemon;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Writes {@code prefix} before the first byte of every line that passes through. */
final class LinePrefixingStream extends FilterOutputStream {
  private final byte[] prefix;
  private boolean lineStart = true;

  LinePrefixingStream(OutputStream out, byte[] prefix) {
    super(out);
    this.prefix = prefix.clone();
  }

  @Override
  public void write(int b) throws IOException {
    if (lineStart) {
      out.write(prefix);
    }
    out.write(b);
    lineStart = b == '\n';
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (lineStart) {
        out.write(bytes, start, i - start);
        out.write(prefix);
        start = i;
        lineStart = false;
      }
      if (bytes[i] == '\n') {
        lineStart = true;
      }
    }
    out.write(bytes, start, end - start);
  }
}
