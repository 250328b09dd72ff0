package dev.hypernd.daemon.systemd;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * What systemd does with {@code NOTIFY_SOCKET}: a real Unix datagram socket, bound by the test,
 * that records every datagram as it arrives. Tests wait for messages with deadlines.
 */
public final class NotifyReceiver implements AutoCloseable {
  private final AFUNIXDatagramSocket socket;
  private final String notifySocket;
  private final List<String> messages = new ArrayList<>();
  private final Thread reader;

  private NotifyReceiver(AFUNIXSocketAddress address, String notifySocket) throws IOException {
    this.socket = AFUNIXDatagramSocket.newInstance();
    socket.bind(address);
    this.notifySocket = notifySocket;
    this.reader = new Thread(this::read, "notify-receiver");
    reader.setDaemon(true);
    reader.start();
  }

  /** Bound at {@code path}; {@code NOTIFY_SOCKET} is the path. */
  public static NotifyReceiver atPath(Path path) throws IOException {
    return new NotifyReceiver(AFUNIXSocketAddress.of(path), path.toString());
  }

  /** Bound to {@code name} in the abstract namespace; {@code NOTIFY_SOCKET} is {@code @name}. */
  public static NotifyReceiver abstractNamed(String name) throws IOException {
    byte[] bytes = ("\0" + name).getBytes(StandardCharsets.UTF_8);
    return new NotifyReceiver(AFUNIXSocketAddress.of(bytes), "@" + name);
  }

  /** The value to put in {@code NOTIFY_SOCKET}. */
  public String notifySocket() {
    return notifySocket;
  }

  private void read() {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        return;
      }
      String message =
          new String(
              packet.getData(), packet.getOffset(), packet.getLength(), StandardCharsets.UTF_8);
      synchronized (this) {
        messages.add(message);
        notifyAll();
      }
    }
  }

  /** Every message so far, in arrival order. */
  public synchronized List<String> messages() {
    return List.copyOf(messages);
  }

  /** The messages so far that match. */
  public synchronized List<String> messages(Predicate<String> filter) {
    return messages.stream().filter(filter).toList();
  }

  /** Waits until {@code count} messages match and returns the first {@code count} of them. */
  public synchronized List<String> await(int count, Predicate<String> filter, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> matching = messages(filter);
      if (matching.size() >= count) {
        return matching.subList(0, count);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "waited "
                + timeout.toMillis()
                + " ms for "
                + count
                + " matching notifications; received: "
                + messages);
      }
      wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    }
  }

  /** Whether {@code message} assigns {@code key=value} on one of its lines. */
  public static boolean has(String message, String assignment) {
    return message.lines().anyMatch(assignment::equals);
  }

  /** The value of {@code key} in {@code message}, or null. */
  public static String value(String message, String key) {
    return message
        .lines()
        .filter(line -> line.startsWith(key + "="))
        .map(line -> line.substring(key.length() + 1))
        .findFirst()
        .orElse(null);
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    reader.join(5000);
  }
}
