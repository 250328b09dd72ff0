package dev.hypernd.control.server;

import dev.hypernd.control.ErrorCode;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.attribute.UserPrincipal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a new connection is served: first the peer's credentials, then the connection limits.
 * Root and the daemon's user may use every slot; other users only those not kept for them, and each
 * at most its share, so that idle connections of others never lock out an operator. A refused
 * client gets one error line and the connection is closed; nothing it sent is read. Touched only by
 * the selector thread.
 */
final class Admission {
  private static final Logger log = LoggerFactory.getLogger(Admission.class);

  /** A refused user is logged at most this often, with the count of refusals in between. */
  private static final long LOG_EVERY_NANOS = 60_000_000_000L;

  private final PeerPolicy peers;
  private final ControlServerOptions limits;
  private final Map<UserPrincipal, Integer> openByUser = new HashMap<>();
  private final Map<String, RefusalLog> refusalLogs = new HashMap<>();
  private int open;

  Admission(PeerPolicy peers, ControlServerOptions limits) {
    this.peers = peers;
    this.limits = limits;
  }

  /** What became of a new connection. */
  sealed interface Verdict {}

  /** Served, and counted against {@code user} until {@link #release}. */
  record Admitted(UserPrincipal user) implements Verdict {}

  /** Answered with {@code line} and closed. */
  record Refused(byte[] line) implements Verdict {}

  Verdict admit(SocketChannel channel) {
    UnixDomainPrincipal peer;
    try {
      peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
    } catch (IOException | UnsupportedOperationException e) {
      return forbidden("the peer's credentials cannot be read (" + e + ")");
    }
    return admit(peer);
  }

  Verdict admit(UnixDomainPrincipal peer) {
    Optional<String> why = peers.refusal(peer);
    if (why.isPresent()) {
      return forbidden(why.get());
    }
    UserPrincipal user = peer.user();
    Optional<String> busy = busy(user);
    if (busy.isPresent()) {
      warn(user.getName(), busy.get());
      return new Refused(Responses.plainError(ErrorCode.BUSY, busy.get()));
    }
    open++;
    openByUser.merge(user, 1, Integer::sum);
    return new Admitted(user);
  }

  /** A connection admitted for {@code user} was closed. */
  void release(UserPrincipal user) {
    open--;
    openByUser.computeIfPresent(user, (u, n) -> n == 1 ? null : n - 1);
  }

  private Optional<String> busy(UserPrincipal user) {
    if (open >= limits.maxConnections()) {
      return Optional.of(
          "the daemon has " + open + " control connections open, its limit; try again");
    }
    if (peers.isPrivileged(user)) {
      return Optional.empty();
    }
    int shared = limits.maxConnections() - limits.reservedConnections();
    if (open >= shared) {
      return Optional.of(
          "the daemon has "
              + open
              + " control connections open; the last "
              + limits.reservedConnections()
              + " are kept for root and the daemon's user; try again");
    }
    int mine = openByUser.getOrDefault(user, 0);
    if (mine >= limits.maxConnectionsPerUser()) {
      return Optional.of(
          "user "
              + user.getName()
              + " has "
              + mine
              + " control connections open, the limit per user; close some and try again");
    }
    return Optional.empty();
  }

  private Refused forbidden(String reason) {
    warn(reason, "refused a client: " + reason);
    return new Refused(Responses.plainError(ErrorCode.FORBIDDEN, reason));
  }

  /** One line per kind of refusal a minute at most: a local user cannot flood the log. */
  private void warn(String key, String message) {
    long now = System.nanoTime();
    RefusalLog last = refusalLogs.get(key);
    if (last != null && now - last.at < LOG_EVERY_NANOS) {
      last.suppressed++;
      return;
    }
    int suppressed = last == null ? 0 : last.suppressed;
    refusalLogs.put(key, new RefusalLog(now));
    if (refusalLogs.size() > 1024) {
      refusalLogs.entrySet().removeIf(e -> now - e.getValue().at >= LOG_EVERY_NANOS);
    }
    if (suppressed > 0) {
      log.warn("control socket: {} ({} more like it not logged)", message, suppressed);
    } else {
      log.warn("control socket: {}", message);
    }
  }

  private static final class RefusalLog {
    final long at;
    int suppressed;

    RefusalLog(long at) {
      this.at = at;
    }
  }
}
