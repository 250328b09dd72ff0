package dev.hypernd.daemon.systemd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications as datagrams from an unbound Unix datagram socket, as sd_notify(3) does. The
 * kernel attaches the sender's credentials, by which systemd tells the main process ({@code
 * NotifyAccess=main}) from the jobs it runs.
 */
final class DatagramNotifier implements Notifier {
  private static final Logger log = LoggerFactory.getLogger(DatagramNotifier.class);

  private final AFUNIXDatagramChannel channel;
  private final AFUNIXSocketAddress target;
  private final String name;
  private boolean failing;

  private DatagramNotifier(AFUNIXDatagramChannel channel, AFUNIXSocketAddress target, String name) {
    this.channel = channel;
    this.target = target;
    this.name = name;
  }

  /**
   * @param name the address as {@code $NOTIFY_SOCKET} spells it, for log lines
   */
  static DatagramNotifier open(AFUNIXSocketAddress target, String name) throws IOException {
    return new DatagramNotifier(AFUNIXDatagramChannel.open(), target, name);
  }

  @Override
  public synchronized void send(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    try {
      channel.send(ByteBuffer.wrap(bytes), target);
      if (failing) {
        failing = false;
        log.info("notifications to {} are delivered again", name);
      }
    } catch (IOException e) {
      // Once per run of failures: a watchdog ping every few seconds must not flood the log.
      if (!failing) {
        failing = true;
        log.warn("cannot notify the service manager at {}: {}", name, e.toString());
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      log.debug("closing the notify socket: {}", e.toString());
    }
  }

  @Override
  public String toString() {
    return "NOTIFY_SOCKET=" + name;
  }
}
