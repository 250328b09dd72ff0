package dev.hypernd.daemon.systemd;

import java.io.IOException;
import java.net.DatagramPacket;
import java.nio.charset.StandardCharsets;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications as datagrams on an unbound Unix datagram socket, as sd_notify(3) does. The
 * kernel attaches the sender's credentials, by which systemd tells the main process ({@code
 * NotifyAccess=main}) from the jobs it runs.
 */
final class DatagramNotifier implements Notifier {
  private static final Logger log = LoggerFactory.getLogger(DatagramNotifier.class);

  private final AFUNIXDatagramSocket socket;
  private final AFUNIXSocketAddress target;
  private boolean failing;

  private DatagramNotifier(AFUNIXDatagramSocket socket, AFUNIXSocketAddress target) {
    this.socket = socket;
    this.target = target;
  }

  static DatagramNotifier open(AFUNIXSocketAddress target) throws IOException {
    return new DatagramNotifier(AFUNIXDatagramSocket.newInstance(), target);
  }

  @Override
  public synchronized void send(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    try {
      socket.send(new DatagramPacket(bytes, bytes.length, target));
      if (failing) {
        failing = false;
        log.info("notifications to {} are delivered again", target);
      }
    } catch (IOException e) {
      // Once per run of failures: a watchdog ping every few seconds must not flood the log.
      if (!failing) {
        failing = true;
        log.warn("cannot notify the service manager at {}: {}", target, e.toString());
      }
    }
  }

  @Override
  public synchronized void close() {
    socket.close();
  }

  @Override
  public String toString() {
    return "NOTIFY_SOCKET " + target;
  }
}
