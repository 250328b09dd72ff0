package dev.hypernd.daemon.systemd;

import java.io.IOException;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Sends sd_notify(3) messages to the service manager. {@link #NONE} when {@code $NOTIFY_SOCKET} is
 * not set, as when hypernd runs outside systemd or under {@code Type=simple}.
 *
 * <p>Thread-safe. Sending never throws: a notification that cannot be delivered is logged, and the
 * daemon carries on, as sd_notify's callers do.
 */
public interface Notifier extends AutoCloseable {

  /** Sends nothing. */
  Notifier NONE =
      new Notifier() {
        @Override
        public void send(String message) {}

        @Override
        public void close() {}

        @Override
        public String toString() {
          return "no service manager";
        }
      };

  /**
   * Sends one notification in one datagram: {@code KEY=VALUE} assignments, one a line, such as
   * {@code "RELOADING=1\nMONOTONIC_USEC=123"}.
   */
  void send(String message);

  @Override
  void close();

  /**
   * A notifier for {@code $NOTIFY_SOCKET} in {@code env}: a socket path, or {@code @name} for the
   * abstract namespace. {@link #NONE} when it is unset or empty, and also (with a warning) when it
   * is an address this version cannot use, such as systemd's {@code vsock:} addresses.
   */
  static Notifier fromEnvironment(Map<String, String> env) {
    String value = env.get("NOTIFY_SOCKET");
    if (value == null || value.isEmpty()) {
      return NONE;
    }
    try {
      return DatagramNotifier.open(NotifySocket.address(value), value);
    } catch (IllegalArgumentException | IOException e) {
      LoggerFactory.getLogger(Notifier.class)
          .warn("NOTIFY_SOCKET={}: {}; systemd will not hear from hypernd", value, e.getMessage());
      return NONE;
    }
  }
}
