package dev.hypernd.control;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a new connection is served: first the connection limit, then the peer's credentials. A
 * refused client gets one error line and the connection is closed; nothing it sent is read.
 */
final class Admission {
  private static final Logger log = LoggerFactory.getLogger(Admission.class);

  private final PeerPolicy peers;
  private final int maxConnections;

  Admission(PeerPolicy peers, int maxConnections) {
    this.peers = peers;
    this.maxConnections = maxConnections;
  }

  /** The error line to answer with, or empty when the client is served. */
  Optional<byte[]> refusal(SocketChannel channel, int alreadyOpen) {
    if (alreadyOpen >= maxConnections) {
      log.warn("control socket: {} connections open, its limit; refused one more", alreadyOpen);
      return Optional.of(
          Responses.plainError(
              ErrorCode.BUSY,
              "the daemon has " + alreadyOpen + " control connections open, its limit; try again"));
    }
    Optional<String> why;
    try {
      why = peers.refusal(channel.getOption(ExtendedSocketOptions.SO_PEERCRED));
    } catch (IOException | UnsupportedOperationException e) {
      why = Optional.of("the peer's credentials cannot be read (" + e + ")");
    }
    why.ifPresent(reason -> log.warn("control socket: refused a client: {}", reason));
    return why.map(reason -> Responses.plainError(ErrorCode.FORBIDDEN, reason));
  }
}
