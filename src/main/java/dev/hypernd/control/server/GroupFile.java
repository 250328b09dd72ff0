package dev.hypernd.control.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The member lists of {@code /etc/group}. The kernel tells a socket server only the peer's uid and
 * primary gid ({@code SO_PEERCRED}); the JDK offers no way to ask for a user's supplementary groups
 * (no {@code getgrouplist}) and spawning {@code id -G} per connection is slow and fragile, so the
 * group file is read instead. Groups served only by NSS (LDAP, sssd) are not seen: such users need
 * the socket's group as their primary group.
 */
final class GroupFile {
  static final Path ETC_GROUP = Path.of("/etc/group");

  private final Path file;

  GroupFile(Path file) {
    this.file = file;
  }

  /** The user names listed as members of the group with id {@code gid}; empty if none. */
  List<String> members(long gid) throws IOException {
    if (!Files.isReadable(file)) {
      return List.of();
    }
    for (String line : Files.readAllLines(file)) {
      Optional<List<String>> members = parse(line, gid);
      if (members.isPresent()) {
        return members.get();
      }
    }
    return List.of();
  }

  /** {@code name:password:gid:user1,user2}; the members if the gid matches. */
  static Optional<List<String>> parse(String line, long gid) {
    String[] parts = line.split(":", -1);
    if (parts.length != 4 || !parts[2].equals(Long.toString(gid))) {
      return Optional.empty();
    }
    return Optional.of(
        Arrays.stream(parts[3].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
  }
}
