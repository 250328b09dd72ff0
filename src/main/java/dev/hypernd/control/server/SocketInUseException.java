package dev.hypernd.control.server;

import java.io.IOException;
import java.nio.file.Path;

/** Another daemon is already serving the socket path; this one must not start. */
public final class SocketInUseException extends IOException {
  private final Path socket;

  public SocketInUseException(Path socket, String why) {
    super(
        "another hypernd is already serving "
            + socket
            + " ("
            + why
            + "); stop it first, or give this one another --socket");
    this.socket = socket;
  }

  public Path socket() {
    return socket;
  }
}
