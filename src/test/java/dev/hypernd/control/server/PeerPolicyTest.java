package dev.hypernd.control.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import jdk.net.UnixDomainPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule with principals made up by uid and gid; the JDK resolves a numeric name that is nobody's
 * name to that id, which is what SO_PEERCRED gives for users without a passwd entry too.
 */
class PeerPolicyTest {
  private static final UserPrincipalLookupService LOOKUP =
      FileSystems.getDefault().getUserPrincipalLookupService();

  @TempDir Path dir;

  private static UserPrincipal user(int uid) throws IOException {
    return LOOKUP.lookupPrincipalByName(Integer.toString(uid));
  }

  private static GroupPrincipal group(int gid) throws IOException {
    return LOOKUP.lookupPrincipalByGroupName(Integer.toString(gid));
  }

  private PeerPolicy policy(String groupFile) throws IOException {
    Path file = dir.resolve("group");
    Files.writeString(file, groupFile);
    PeerPolicy.SocketGroup ops = new PeerPolicy.SocketGroup(group(4300), 4300);
    return new PeerPolicy(user(0), user(4242), () -> ops, new GroupFile(file));
  }

  private static UnixDomainPrincipal peer(int uid, int gid) throws IOException {
    return new UnixDomainPrincipal(user(uid), group(gid));
  }

  @Test
  void rootAndTheDaemonsUserAreAllowed() throws IOException {
    PeerPolicy policy = policy("");
    assertThat(policy.refusal(peer(0, 0))).isEmpty();
    assertThat(policy.refusal(peer(4242, 100))).isEmpty();
  }

  @Test
  void aPeerWhosePrimaryGroupIsTheSocketsIsAllowed() throws IOException {
    assertThat(policy("").refusal(peer(5000, 4300))).isEmpty();
  }

  @Test
  void aPeerListedAsAMemberOfTheSocketsGroupIsAllowed() throws IOException {
    UserPrincipal member = user(5001);
    PeerPolicy policy = policy("ops:x:4300:alice," + member.getName() + "\nother:x:1:\n");
    assertThat(policy.refusal(peer(5001, 100))).isEmpty();
  }

  @Test
  void anyoneElseIsRefusedWithTheRuleInTheMessage() throws IOException {
    PeerPolicy policy = policy("ops:x:4300:alice\nwheel:x:10:" + user(5002).getName() + "\n");
    assertThat(policy.refusal(peer(5002, 100)))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("may not use this socket", "only root", "members of group"));
  }

  @Test
  void aGroupThatCannotBeReadRefusesWithTheReason() throws IOException {
    PeerPolicy policy =
        new PeerPolicy(
            user(0),
            user(4242),
            () -> {
              throw new IOException("socket gone");
            },
            new GroupFile(dir.resolve("none")));
    assertThat(policy.refusal(peer(5003, 100)))
        .hasValueSatisfying(why -> assertThat(why).contains("socket gone"));
    assertThat(policy.refusal(peer(4242, 100))).isEmpty();
  }

  @Test
  void groupLinesAreParsedByGid() {
    assertThat(GroupFile.parse("ops:x:4300:a, b ,,c", 4300))
        .hasValue(java.util.List.of("a", "b", "c"));
    assertThat(GroupFile.parse("ops:x:4300:", 4300)).hasValue(java.util.List.of());
    assertThat(GroupFile.parse("ops:x:43000:a", 4300)).isEmpty();
    assertThat(GroupFile.parse("# comment", 4300)).isEmpty();
  }
}
