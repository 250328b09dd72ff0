package dev.hypernd.control;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Optional;
import jdk.net.UnixDomainPrincipal;

/**
 * Who may talk to the daemon (DESIGN §6): root, the daemon's own user, and members of the socket
 * file's group, where a member is a peer whose primary group ({@code SO_PEERCRED}) is that group or
 * whose user name is listed for it in {@code /etc/group} ({@link GroupFile} says why). The file
 * mode 0660 already keeps others out; this check also holds when the mode or the directory is
 * looser than intended.
 */
final class PeerPolicy {
  private final UserPrincipal root;
  private final UserPrincipal daemonUser;
  private final GroupPrincipal socketGroup;
  private final long socketGid;
  private final GroupFile groups;

  PeerPolicy(
      UserPrincipal root,
      UserPrincipal daemonUser,
      GroupPrincipal socketGroup,
      long socketGid,
      GroupFile groups) {
    this.root = root;
    this.daemonUser = daemonUser;
    this.socketGroup = socketGroup;
    this.socketGid = socketGid;
    this.groups = groups;
  }

  /** The policy for a socket file this process has just created. */
  static PeerPolicy forSocket(Path socket, GroupFile groups) throws IOException {
    UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
    PosixFileAttributes attrs = Files.readAttributes(socket, PosixFileAttributes.class);
    // A numeric name that is no user's name is taken by the JDK as that uid.
    UserPrincipal root = lookup.lookupPrincipalByName("0");
    int gid = (Integer) Files.getAttribute(socket, "unix:gid");
    return new PeerPolicy(root, attrs.owner(), attrs.group(), gid, groups);
  }

  /** Why the peer is refused, or empty when it is allowed. */
  Optional<String> refusal(UnixDomainPrincipal peer) {
    UserPrincipal user = peer.user();
    if (user.equals(root) || user.equals(daemonUser) || peer.group().equals(socketGroup)) {
      return Optional.empty();
    }
    try {
      if (groups.members(socketGid).contains(user.getName())) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.of(
          "user "
              + user.getName()
              + " is not root or "
              + daemonUser.getName()
              + ", and the group file could not be read to check membership of group "
              + socketGroup.getName()
              + ": "
              + e.getMessage());
    }
    return Optional.of(
        "user "
            + user.getName()
            + " may not use this socket: only root, "
            + daemonUser.getName()
            + " (the daemon's user) and members of group "
            + socketGroup.getName()
            + " may");
  }
}
