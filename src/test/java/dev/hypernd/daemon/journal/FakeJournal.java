package dev.hypernd.daemon.journal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * What journald does with its native socket, for tests: a Unix datagram socket bound at a path that
 * decodes every datagram it receives as the native protocol. Tests wait for entries with deadlines.
 */
public final class FakeJournal implements AutoCloseable {
  private final AFUNIXDatagramSocket socket;
  private final Path path;
  private final List<Map<String, String>> entries = new ArrayList<>();
  private final Thread reader;

  public FakeJournal(Path path) throws IOException {
    this.path = path;
    this.socket = AFUNIXDatagramSocket.newInstance();
    socket.setReceiveBufferSize(4 << 20);
    socket.bind(AFUNIXSocketAddress.of(path));
    this.reader = new Thread(this::read, "fake-journal");
    reader.setDaemon(true);
    reader.start();
  }

  public Path path() {
    return path;
  }

  private void read() {
    byte[] buffer = new byte[4 << 20];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        return;
      }
      Map<String, String> entry = decode(buffer, packet.getLength());
      synchronized (this) {
        entries.add(entry);
        notifyAll();
      }
    }
  }

  /** The fields of one datagram of the native protocol, in order. */
  static Map<String, String> decode(byte[] data, int length) {
    Map<String, String> fields = new LinkedHashMap<>();
    int at = 0;
    while (at < length) {
      int end = at;
      while (data[end] != '=' && data[end] != '\n') {
        end++;
      }
      String name = new String(data, at, end - at, StandardCharsets.US_ASCII);
      if (data[end] == '=') {
        int newline = end + 1;
        while (data[newline] != '\n') {
          newline++;
        }
        fields.put(name, new String(data, end + 1, newline - end - 1, StandardCharsets.UTF_8));
        at = newline + 1;
      } else {
        long size = ByteBuffer.wrap(data, end + 1, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        int start = end + 9;
        fields.put(name, new String(data, start, (int) size, StandardCharsets.UTF_8));
        if (data[start + (int) size] != '\n') {
          throw new IllegalArgumentException("field " + name + " does not end with a newline");
        }
        at = start + (int) size + 1;
      }
    }
    return fields;
  }

  /** Waits until an entry matches {@code filter}, at most {@code timeout}, and returns it. */
  public synchronized Map<String, String> await(
      Predicate<Map<String, String>> filter, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (Map<String, String> entry : entries) {
        if (filter.test(entry)) {
          return entry;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no such journal entry within " + timeout + "; got " + entries);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  public synchronized List<Map<String, String>> entries() {
    return List.copyOf(entries);
  }

  @Override
  public void close() {
    socket.close();
  }
}
