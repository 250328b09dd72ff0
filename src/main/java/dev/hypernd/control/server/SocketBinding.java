package dev.hypernd.control.server;

import dev.hypernd.control.FileKind;
import dev.hypernd.control.SocketPaths;
import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The listening socket file and the lock that makes it ours.
 *
 * <p>Before anything is created, the path must be a socket or nothing, and its directory safe
 * ({@link SocketDirectory}). A lock on {@code PATH.lock} ({@link LockFile}), held while the server
 * runs, decides between two daemons started at once; the kernel releases it when a daemon dies, so
 * a socket file found while holding the lock is stale unless something else (not a hypernd) answers
 * on it. A clean stop removes the socket and the lock file.
 */
final class SocketBinding implements Closeable {
  /**
   * Connections the kernel queues before the I/O thread accepts them; that thread accepts in a
   * loop, so this only absorbs bursts (the 200-client test never comes near it).
   */
  private static final int ACCEPT_BACKLOG = 128;

  static final Set<PosixFilePermission> SOCKET_MODE = PosixFilePermissions.fromString("rw-rw----");

  private final Path socket;
  private final LockFile lock;
  private final ServerSocketChannel channel;

  private SocketBinding(Path socket, LockFile lock, ServerSocketChannel channel) {
    this.socket = socket;
    this.lock = lock;
    this.channel = channel;
  }

  static SocketBinding bind(Path socket) throws IOException {
    Path path = socket.toAbsolutePath();
    refuseIfNotASocket(path);
    long uid = SocketPaths.currentUid();
    SocketDirectory.prepare(path.getParent(), uid);
    LockFile lock = LockFile.acquire(path, uid);
    try {
      replaceStale(path);
      ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        channel.bind(UnixDomainSocketAddress.of(path), ACCEPT_BACKLOG);
        Files.setPosixFilePermissions(path, SOCKET_MODE);
        return new SocketBinding(path, lock, channel);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  ServerSocketChannel channel() {
    return channel;
  }

  Path socket() {
    return socket;
  }

  /** Closes the socket and removes its file, then the lock file, and releases the lock last. */
  @Override
  public void close() throws IOException {
    try {
      channel.close();
      Files.deleteIfExists(socket);
    } finally {
      lock.close();
    }
  }

  /** A file, a directory or a link where the socket should be is never replaced. */
  private static void refuseIfNotASocket(Path socket) throws IOException {
    if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS) && !FileKind.isSocket(socket)) {
      throw new IOException(
          socket
              + " is "
              + FileKind.of(socket)
              + ", not a socket; hypernd does not replace it (remove it, or choose another"
              + " --socket)");
    }
  }

  private static void replaceStale(Path socket) throws IOException {
    if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    refuseIfNotASocket(socket);
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(socket));
      throw new SocketInUseException(socket, "a process answers on it");
    } catch (ConnectException refused) {
      Files.delete(socket);
    } catch (SocketException e) {
      // No such file (deleted meanwhile) or not connectable: nobody is serving it.
      Files.deleteIfExists(socket);
    }
  }
}
