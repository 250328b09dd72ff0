package dev.hypernd.daemon.systemd;

import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** Reads {@code $NOTIFY_SOCKET} as sd_notify(3) does for Unix sockets. */
final class NotifySocket {
  private NotifySocket() {}

  /**
   * The address in {@code value}: an absolute path, or {@code @name} for {@code name} in the
   * abstract namespace (the {@code @} stands for the leading NUL byte).
   *
   * @throws IllegalArgumentException for anything else, naming the value
   */
  static AFUNIXSocketAddress address(String value) {
    try {
      if (value.startsWith("@") && value.length() > 1) {
        byte[] name = value.getBytes(StandardCharsets.UTF_8);
        name[0] = 0;
        return AFUNIXSocketAddress.of(name);
      }
      if (value.startsWith("/")) {
        return AFUNIXSocketAddress.of(Path.of(value));
      }
    } catch (SocketException e) {
      throw new IllegalArgumentException(
          "not a usable Unix socket address (" + e.getMessage() + ")", e);
    }
    throw new IllegalArgumentException(
        "not an absolute socket path or an @abstract name (other kinds, such as vsock:, are not"
            + " supported)");
  }
}
