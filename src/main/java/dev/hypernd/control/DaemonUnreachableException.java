package dev.hypernd.control;

import java.io.IOException;
import java.nio.file.Path;

/** No daemon answered on the socket: it is not running, not reachable by this user, or hung. */
public final class DaemonUnreachableException extends IOException {
  private final Path socket;

  public DaemonUnreachableException(Path socket, String reason, Throwable cause) {
    super("cannot reach hypernd at " + socket + ": " + reason, cause);
    this.socket = socket;
  }

  public Path socket() {
    return socket;
  }
}
