package dev.hypernd.control.server;

import dev.hypernd.control.SocketPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The directory of the control socket, checked as sshd's StrictModes checks a user's files: a user
 * who can write to it, or to a directory above it, could replace the socket and read what root's
 * hypernctl sends, or plant the lock file. So every directory from the socket's up to {@code /}
 * must belong to root or to the daemon's user, and none may be writable by others unless it is
 * sticky (others may then add names but not rename or remove ours); the socket's own directory, if
 * others may write it, must moreover be the daemon's user's ({@code /tmp} for a root daemon).
 */
final class SocketDirectory {
  private static final Set<PosixFilePermission> PRIVATE_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final int STICKY = 01000;

  private SocketDirectory() {}

  /** Creates the directory if it is missing (private under {@code /tmp}), then checks it. */
  static void prepare(Path dir, long uid) throws IOException {
    if (SocketPaths.isPrivateTmpDirectory(dir, uid)) {
      preparePrivateTmp(dir, uid);
    } else {
      Files.createDirectories(dir);
    }
    check(dir, uid);
  }

  /** Throws, saying which directory and why, unless the socket is safe in {@code dir}. */
  static void check(Path dir, long uid) throws IOException {
    Path real = dir.toRealPath();
    for (Path p = real; p != null; p = p.getParent()) {
      int owner = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      if (owner != 0 && owner != uid) {
        throw unsafe(
            p,
            "is owned by "
                + Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName()
                + ", neither root nor the daemon's user: they could replace the socket");
      }
      boolean othersWrite = (mode & 0022) != 0;
      boolean sticky = (mode & STICKY) != 0;
      if (othersWrite && !sticky) {
        throw unsafe(
            p,
            "is writable by other users (mode "
                + String.format("%04o", mode & 07777)
                + ") and not sticky: one of them could replace the socket");
      }
      if (othersWrite && p.equals(real) && owner != uid) {
        throw unsafe(
            p,
            "is writable by other users (mode "
                + String.format("%04o", mode & 07777)
                + ") and not the daemon's user's: one of them could plant the socket's lock file");
      }
    }
  }

  private static IOException unsafe(Path dir, String why) {
    return new IOException(dir + " " + why + "; use a directory only the daemon's user can write");
  }

  /** Anyone may create a directory under /tmp: use it only if it is ours and private. */
  private static void preparePrivateTmp(Path dir, long uid) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
      Files.setPosixFilePermissions(dir, PRIVATE_DIR);
    }
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
}
