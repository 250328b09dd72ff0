package dev.hypernd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.daemon.control.ControlFixture;
import dev.hypernd.engine.RetryPolicy;
import dev.hypernd.fixtures.ChildJvm.Run;
import dev.hypernd.packaging.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real hypernctl in a JVM of its own, its output on a terminal or in a pipe: tables are cut to
 * fit only on a terminal, colour needs a terminal that shows it, and what standard input is does
 * not matter.
 */
class TerminalOutputTest {
  private static final String ESC = "\u001b[";
  private static final String LONG_ERROR =
      "tar: /srv/backups/2026-03-29/postgres/base/16384/2619: Cannot write: disk full";

  @TempDir Path dir;
  private ControlFixture daemon;
  private ClientProcess hypernctl;
  private Map<String, String> env;

  @BeforeEach
  void startADaemonWithAFailedTask() throws IOException {
    daemon = new ControlFixture(dir);
    daemon.scheduler.task(
        "backup",
        ctx -> {
          throw new IOException(LONG_ERROR);
        },
        RetryPolicy.none());
    daemon.start();
    env = Map.of("HYPERND_SOCKET", daemon.socket.toString(), "TERM", "xterm-256color");
    hypernctl = new ClientProcess(Files.createDirectories(dir.resolve("client")));
    String id = daemon.submit("backup");
    assertThat(new Hypernctl(env, false, ControlFixture.START).run("wait", id)).isEqualTo(1);
  }

  @AfterEach
  void stop() {
    daemon.close();
  }

  @Test
  void inAPipeTheErrorColumnIsWholeAndThereIsNoColour() throws Exception {
    Run tasks = hypernctl.piped(env, "tasks");
    assertThat(tasks.code()).as(tasks.err()).isZero();
    assertThat(tasks.out()).contains(LONG_ERROR).doesNotContain(ESC).doesNotContain("…");
  }

  @Test
  void onATerminalTheErrorIsCutAndColouredEvenWithStandardInputFromDevNull() throws Exception {
    Tools.require("script", "bsdutils");
    Run tasks = hypernctl.onTerminal(env, "tasks");
    assertThat(tasks.code()).as(tasks.out()).isZero();
    assertThat(tasks.out()).contains(ESC + "31mFAILED").contains("…").doesNotContain("disk full");
  }

  @Test
  void aDumbTerminalOrNoColorGetsNoColour() throws Exception {
    Tools.require("script", "bsdutils");
    Run dumb =
        hypernctl.onTerminal(
            Map.of("HYPERND_SOCKET", daemon.socket.toString(), "TERM", "dumb"), "tasks");
    assertThat(dumb.out()).contains("FAILED").doesNotContain(ESC);
    Run noColor =
        hypernctl.onTerminal(
            Map.of("HYPERND_SOCKET", daemon.socket.toString(), "TERM", "xterm", "NO_COLOR", "1"),
            "tasks");
    assertThat(noColor.out()).contains("FAILED").doesNotContain(ESC);
  }
}
