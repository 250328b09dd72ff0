package dev.hypernd.control.server;

import dev.hypernd.control.FileKind;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * {@code PATH.lock}, whose lock makes a socket path one daemon's. The kernel releases the lock when
 * a daemon dies, so a crashed daemon's lock file is simply locked again.
 *
 * <p>It is opened without following a symbolic link and used only if it is a regular file of the
 * daemon's user with one name, so that a planted link or file cannot make the daemon create or lock
 * another file. A clean stop removes it; as a daemon that opened the old file just before may then
 * lock that nameless file, a lock counts only while the name still leads to the locked file.
 */
final class LockFile implements Closeable {
  private static final int ATTEMPTS = 5;
  private static final Path OWN_DESCRIPTORS = Path.of("/proc/self/fd");

  private final Path path;
  private final FileChannel channel;

  private LockFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /**
   * Locks the lock file of {@code socket}, creating it with mode 0600 if needed.
   *
   * @throws SocketInUseException when another daemon holds it
   * @throws IOException when it is not a file the daemon may trust, or cannot be locked
   */
  static LockFile acquire(Path socket, long uid) throws IOException {
    Path path = socket.resolveSibling(socket.getFileName() + ".lock");
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      FileChannel channel = open(path);
      try {
        checkTrusted(path, uid);
        if (!tryLock(channel)) {
          throw new SocketInUseException(socket, "it holds the lock " + path);
        }
        if (stillNamed(path)) {
          return new LockFile(path, channel);
        }
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      channel.close();
    }
    throw new IOException(path + " was replaced each time it was locked; is a daemon restarting?");
  }

  Path path() {
    return path;
  }

  /** Removes the file if its name is still this lock's, then releases the lock. */
  @Override
  public void close() throws IOException {
    try {
      if (stillNamed(path)) {
        Files.deleteIfExists(path);
      }
    } finally {
      channel.close();
    }
  }

  private static FileChannel open(Path path) throws IOException {
    if (Files.isSymbolicLink(path)) {
      throw untrusted(
          path, "is a symbolic link, not the daemon's lock file; refusing to follow it");
    }
    // NOFOLLOW_LINKS too: a link planted after the check above fails the open (ELOOP).
    return FileChannel.open(
        path,
        Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
  }

  /** A regular file of the daemon's user with one name: nobody else's file, nor a link to one. */
  private static void checkTrusted(Path path, long uid) throws IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isRegularFile()) {
      throw untrusted(path, "is " + FileKind.of(path) + ", not a lock file; refusing to use it");
    }
    int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    if (owner != uid) {
      throw untrusted(
          path,
          "is owned by "
              + Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName()
              + ", not by the daemon's user; refusing to use it");
    }
    int names = (Integer) Files.getAttribute(path, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
    if (names != 1) {
      throw untrusted(path, "has " + names + " names (hard links); refusing to use it");
    }
  }

  private static IOException untrusted(Path path, String why) {
    return new IOException(path + " " + why + " (remove it if it is not yours to keep)");
  }

  private static boolean tryLock(FileChannel channel) throws IOException {
    try {
      FileLock lock = channel.tryLock();
      return lock != null;
    } catch (OverlappingFileLockException e) {
      // This JVM holds it already: another server of this process serves the path.
      return false;
    }
  }

  /**
   * Whether {@code path} names the file one of this process's descriptors holds. The JDK does not
   * tell a channel's file identity, but Linux shows every descriptor under /proc/self/fd; a file
   * this process has open keeps its inode number, so equal identities mean the same file.
   */
  private static boolean stillNamed(Path path) throws IOException {
    Object named;
    try {
      named =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
              .fileKey();
    } catch (NoSuchFileException e) {
      return false;
    }
    if (!Files.isDirectory(OWN_DESCRIPTORS)) {
      return true;
    }
    try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(OWN_DESCRIPTORS)) {
      for (Path descriptor : descriptors) {
        try {
          if (named.equals(Files.readAttributes(descriptor, BasicFileAttributes.class).fileKey())) {
            return true;
          }
        } catch (IOException closedMeanwhile) {
          // The stream's own descriptor, or one another thread closed: not the lock.
        }
      }
    }
    return false;
  }
}
