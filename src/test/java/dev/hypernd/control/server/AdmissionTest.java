package dev.hypernd.control.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import jdk.net.UnixDomainPrincipal;
import org.junit.jupiter.api.Test;

/**
 * The connection limits with made-up peers: root (uid 0), the daemon's user (4242) and members of
 * the socket's group (4300). Ten connections, two kept for root and the daemon's user, three per
 * other user.
 */
class AdmissionTest {
  private static final UserPrincipalLookupService LOOKUP =
      FileSystems.getDefault().getUserPrincipalLookupService();

  private final Admission admission;

  AdmissionTest() throws IOException {
    PeerPolicy.SocketGroup group =
        new PeerPolicy.SocketGroup(LOOKUP.lookupPrincipalByGroupName("4300"), 4300);
    admission =
        new Admission(
            new PeerPolicy(
                LOOKUP.lookupPrincipalByName("0"),
                LOOKUP.lookupPrincipalByName("4242"),
                () -> group,
                new GroupFile(Path.of("/nonexistent"))),
            ControlServerOptions.defaults().withMaxConnections(10, 2).withMaxConnectionsPerUser(3));
  }

  private static UnixDomainPrincipal peer(int uid) throws IOException {
    return new UnixDomainPrincipal(
        LOOKUP.lookupPrincipalByName(Integer.toString(uid)),
        LOOKUP.lookupPrincipalByGroupName("4300"));
  }

  private static String busy(Admission.Verdict verdict) {
    assertThat(verdict).isInstanceOf(Admission.Refused.class);
    String line = new String(((Admission.Refused) verdict).line(), StandardCharsets.UTF_8);
    assertThat(line).contains("\"code\":\"busy\"");
    return line;
  }

  @Test
  void eachOtherUserHasItsShareAndGetsItBackWhenItCloses() throws IOException {
    for (int i = 0; i < 3; i++) {
      assertThat(admission.admit(peer(5000))).isInstanceOf(Admission.Admitted.class);
    }
    assertThat(busy(admission.admit(peer(5000))))
        .contains("user 5000 has 3 control connections open, the limit per user");
    assertThat(admission.admit(peer(5001))).isInstanceOf(Admission.Admitted.class);

    admission.release(peer(5000).user());
    assertThat(admission.admit(peer(5000))).isInstanceOf(Admission.Admitted.class);
  }

  @Test
  void theLastSlotsAreKeptForRootAndTheDaemonsUser() throws IOException {
    for (int uid = 5000; uid < 5008; uid++) {
      assertThat(admission.admit(peer(uid))).isInstanceOf(Admission.Admitted.class);
    }
    assertThat(busy(admission.admit(peer(5100))))
        .contains("the last 2 are kept for root and the daemon's user");

    assertThat(admission.admit(peer(0))).isInstanceOf(Admission.Admitted.class);
    assertThat(admission.admit(peer(4242))).isInstanceOf(Admission.Admitted.class);
    assertThat(busy(admission.admit(peer(0))))
        .contains("the daemon has 10 control connections open, its limit");
  }

  @Test
  void rootAndTheDaemonsUserHaveNoShareOfTheirOwn() throws IOException {
    for (int i = 0; i < 10; i++) {
      assertThat(admission.admit(peer(i % 2 == 0 ? 0 : 4242)))
          .isInstanceOf(Admission.Admitted.class);
    }
  }

  @Test
  void aStrangerIsForbiddenBeforeAnyLimitIsCounted() throws IOException {
    UnixDomainPrincipal stranger =
        new UnixDomainPrincipal(
            LOOKUP.lookupPrincipalByName("6000"), LOOKUP.lookupPrincipalByGroupName("6000"));

    Admission.Verdict verdict = admission.admit(stranger);

    assertThat(new String(((Admission.Refused) verdict).line(), StandardCharsets.UTF_8))
        .contains("\"code\":\"forbidden\"");
  }
}
