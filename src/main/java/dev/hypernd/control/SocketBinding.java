package dev.hypernd.control;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The listening socket file and the lock that makes it ours.
 *
 * <p>A lock on {@code PATH.lock}, held while the server runs, decides between two daemons started
 * at once; the kernel releases it when a daemon dies, so a socket file found while holding the lock
 * is stale unless something else (not a hypernd) answers on it. The lock file is left in place on
 * close: deleting it would let a third daemon lock a fresh file while a second still holds the old
 * one.
 */
final class SocketBinding implements Closeable {
  /**
   * Connections the kernel queues before the I/O thread accepts them; that thread accepts in a
   * loop, so this only absorbs bursts (the 200-client test never comes near it).
   */
  private static final int ACCEPT_BACKLOG = 128;

  static final Set<PosixFilePermission> SOCKET_MODE = PosixFilePermissions.fromString("rw-rw----");
  private static final Set<PosixFilePermission> PRIVATE_DIR =
      PosixFilePermissions.fromString("rwx------");

  private final Path socket;
  private final FileChannel lockChannel;
  private final ServerSocketChannel channel;

  private SocketBinding(Path socket, FileChannel lockChannel, ServerSocketChannel channel) {
    this.socket = socket;
    this.lockChannel = lockChannel;
    this.channel = channel;
  }

  static SocketBinding bind(Path socket) throws IOException {
    Path path = socket.toAbsolutePath();
    prepareDirectory(path.getParent());
    FileChannel lockChannel = lock(path);
    try {
      replaceStale(path);
      ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        channel.bind(UnixDomainSocketAddress.of(path), ACCEPT_BACKLOG);
        Files.setPosixFilePermissions(path, SOCKET_MODE);
        return new SocketBinding(path, lockChannel, channel);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      lockChannel.close();
      throw e;
    }
  }

  ServerSocketChannel channel() {
    return channel;
  }

  Path socket() {
    return socket;
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
      Files.deleteIfExists(socket);
    } finally {
      lockChannel.close();
    }
  }

  private static void prepareDirectory(Path dir) throws IOException {
    long uid = SocketPaths.currentUid();
    if (!SocketPaths.isPrivateTmpDirectory(dir, uid)) {
      Files.createDirectories(dir);
      return;
    }
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
      Files.setPosixFilePermissions(dir, PRIVATE_DIR);
    }
    // Anyone may create a directory under /tmp: use it only if it is ours and private.
    PosixFileAttributes attrs =
        Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    if (!attrs.isDirectory() || owner != uid || !attrs.permissions().equals(PRIVATE_DIR)) {
      throw new IOException(
          dir
              + " must be a directory owned by uid "
              + uid
              + " with mode 0700; it is not, so the socket is not created there"
              + " (remove it, or set XDG_RUNTIME_DIR or --socket)");
    }
  }

  private static FileChannel lock(Path socket) throws IOException {
    Path lockFile = socket.resolveSibling(socket.getFileName() + ".lock");
    FileChannel lockChannel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException | RuntimeException e) {
      lockChannel.close();
      throw e;
    }
    if (lock == null) {
      lockChannel.close();
      throw new SocketInUseException(socket, "it holds the lock " + lockFile);
    }
    return lockChannel;
  }

  private static void replaceStale(Path socket) throws IOException {
    if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.readAttributes(socket, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
        .isOther()) {
      throw new IOException(
          socket
              + " exists and is not a socket; refusing to replace it (remove it or use --socket)");
    }
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
