package dev.hypernd.control;

import java.io.IOException;
import java.nio.file.Path;

/** No daemon answered on the socket: it is not running, not reachable by this user, or hung. */
public final class DaemonUnreachableException extends IOException {
  /** Why, so that a caller can say what to do about it. */
  public enum Reason {
    /** No socket file: the daemon is not running, or uses another path. */
    NO_SOCKET,
    /** Something else is at the path: a regular file, a directory; the path is wrong. */
    NOT_A_SOCKET,
    /** A socket file nobody listens on: the daemon died. */
    NOT_LISTENING,
    /** The socket file's mode keeps this user out. */
    PERMISSION,
    /** Connected, but no answer came in time, or the answer was cut off. */
    NO_ANSWER
  }

  private final Path socket;
  private final Reason reason;

  public DaemonUnreachableException(Path socket, Reason reason, String detail, Throwable cause) {
    super("cannot reach hypernd at " + socket + ": " + detail, cause);
    this.socket = socket;
    this.reason = reason;
  }

  public Path socket() {
    return socket;
  }

  public Reason reason() {
    return reason;
  }
}
