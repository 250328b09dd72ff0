package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hypernd run}'s metrics option and its systemd help, checked before anything starts. */
class RunCommandOpsOptionsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  private int run(String... args) {
    CommandLine cmd = HyperndMain.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void aBadMetricsAddressIsAUsageErrorWithExamples() throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(file, "jobs: [{name: a, interval: 1s, command: 'true'}]");

    assertThat(run("run", file.toString(), "--metrics-listen", "9464")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--metrics-listen", "'9464' is not HOST:PORT", "127.0.0.1:9464", "[::1]:9464");
  }

  @Test
  void helpDocumentsTheMetricsListenerAndTheSystemdProtocol() {
    assertThat(run("run", "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--metrics-listen=HOST:PORT",
            "HYPERND_METRICS_LISTEN",
            "metrics.listen",
            "Off by default",
            "Type=notify",
            "READY=1",
            "RELOADING=1",
            "STOPPING=1",
            "WatchdogSec=");
  }
}
