package dev.hypernd.jobs.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceManagerVariablesTest {
  @Test
  void systemdsVariablesForTheDaemonAreRemovedAndNothingElse() {
    Map<String, String> environment =
        new HashMap<>(
            Map.of(
                "NOTIFY_SOCKET", "/run/systemd/notify",
                "WATCHDOG_USEC", "60000000",
                "WATCHDOG_PID", "42",
                "LISTEN_FDS", "1",
                "LISTEN_PID", "42",
                "LISTEN_FDNAMES", "control",
                "JOURNAL_STREAM", "8:1234",
                "INVOCATION_ID", "abc",
                "PATH", "/usr/bin:/bin",
                "HYPERND_SOCKET", "/run/hypernd/hypernd.sock"));

    ServiceManagerVariables.removeFrom(environment);

    assertThat(environment)
        .containsOnlyKeys("JOURNAL_STREAM", "INVOCATION_ID", "PATH", "HYPERND_SOCKET");
  }
}
