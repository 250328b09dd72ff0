package dev.hypernd.control.server;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Optional;
import jdk.net.UnixDomainPrincipal;

/**
 * Who may talk to the daemon (design §6): root, the daemon's own user, and members of the socket
 * file's group, where a member is a peer whose primary group ({@code SO_PEERCRED}) is that group or
 * whose user name is listed for it in {@code /etc/group} ({@link GroupFile} says why). The file
 * mode 0660 already keeps others out; this check also holds when the mode or the directory is
 * looser than intended.
 */
final class PeerPolicy {
  /** The socket file's group, read again for every peer so that a later chgrp takes effect. */
  record SocketGroup(GroupPrincipal principal, long gid) {}

  /** Where the socket's group comes from: the file itself, or a fixed value in tests. */
  @FunctionalInterface
  interface GroupSource {
    SocketGroup current() throws IOException;
  }

  private final UserPrincipal root;
  private final UserPrincipal daemonUser;
  private final GroupSource socketGroup;
  private final GroupFile groups;

  PeerPolicy(
      UserPrincipal root, UserPrincipal daemonUser, GroupSource socketGroup, GroupFile groups) {
    this.root = root;
    this.daemonUser = daemonUser;
    this.socketGroup = socketGroup;
    this.groups = groups;
  }

  /** The policy for a socket file this process has just created (so it owns it). */
  static PeerPolicy forSocket(Path socket, GroupFile groups) throws IOException {
    UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
    // A numeric name that is no user's name is taken by the JDK as that uid.
    UserPrincipal root = lookup.lookupPrincipalByName("0");
    UserPrincipal owner = Files.getOwner(socket, LinkOption.NOFOLLOW_LINKS);
    GroupSource group =
        () ->
            new SocketGroup(
                Files.readAttributes(socket, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .group(),
                ((Integer) Files.getAttribute(socket, "unix:gid", LinkOption.NOFOLLOW_LINKS))
                    .longValue());
    return new PeerPolicy(root, owner, group, groups);
  }

  /** Root or the daemon's own user: they may use every connection slot. */
  boolean isPrivileged(UserPrincipal user) {
    return user.equals(root) || user.equals(daemonUser);
  }

  /** Why the peer is refused, or empty when it is allowed. */
  Optional<String> refusal(UnixDomainPrincipal peer) {
    UserPrincipal user = peer.user();
    if (isPrivileged(user)) {
      return Optional.empty();
    }
    SocketGroup group;
    try {
      group = socketGroup.current();
      if (peer.group().equals(group.principal())
          || groups.members(group.gid()).contains(user.getName())) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.of(
          "user "
              + user.getName()
              + " is neither root nor "
              + daemonUser.getName()
              + ", and group membership cannot be checked: "
              + e.getMessage());
    }
    return Optional.of(
        "user "
            + user.getName()
            + " may not use this socket: only root, "
            + daemonUser.getName()
            + " (the daemon's user) and members of group "
            + group.principal().getName()
            + " (the socket's group) may");
  }
}
