package dev.hypernd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.daemon.control.ControlFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hypernctl's usage errors, help, socket choice, unreachable daemon and colour rules. */
class HypernctlUsageTest {
  @TempDir Path dir;
  private ControlFixture f;
  private Hypernctl ctl;

  @BeforeEach
  void start() throws IOException {
    f = new ControlFixture(dir);
    f.scheduler.task("greet", ctx -> "hello " + ctx.arg(0));
    f.scheduler.cron("nightly", "0 3 * * *", ZoneOffset.UTC, ctx -> "cleaned");
    f.scheduler.interval("heartbeat", Duration.ofSeconds(30), ctx -> "beat");
    f.start();
    ctl = new Hypernctl(Map.of("HYPERND_SOCKET", f.socket.toString()), false, ControlFixture.START);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void usageErrorsExitWith2() {
    assertThat(ctl.run()).isEqualTo(2);
    assertThat(ctl.err).startsWith("hypernctl: a verb is required: status, metrics,");
    assertThat(ctl.run("frobnicate")).isEqualTo(2);
    assertThat(ctl.err)
        .isEqualTo(
            "hypernctl: unknown verb 'frobnicate'; the verbs are status, metrics, result,"
                + " cancel, submit, tasks, jobs, next, reload, pause, resume, wait and logs\n"
                + "Try 'hypernctl --help' for more information.\n");
    assertThat(ctl.run("stauts")).isEqualTo(2);
    assertThat(ctl.err).startsWith("hypernctl: unknown verb 'stauts'; did you mean status");
    assertThat(ctl.run("status", "--bogus")).isEqualTo(2);
    assertThat(ctl.err)
        .isEqualTo(
            "hypernctl status: unknown option: '--bogus'\n"
                + "Try 'hypernctl status --help' for more information.\n");
    assertThat(ctl.run("result")).isEqualTo(2);
    assertThat(ctl.run("submit", "greet", "--delay", "soon")).isEqualTo(2);
    assertThat(ctl.err).contains("expected a duration such as 30s");
    assertThat(ctl.run("next", "nightly", "-n", "many")).isEqualTo(2);
    assertThat(ctl.run("logs")).isEqualTo(2);
    assertThat(ctl.err).contains("give a task ID or --job JOB, not neither");
    assertThat(ctl.run("logs", "sched-1", "--job", "greet")).isEqualTo(2);
    assertThat(ctl.err).contains("not both");
    assertThat(ctl.run("logs", "--job", "greet", "-f", "-n", "5")).isEqualTo(2);
    assertThat(ctl.err).contains("--lines goes with --job and without --follow");
  }

  @Test
  void helpForTheTopCommandAndAVerb() {
    assertThat(ctl.run("--help")).isZero();
    assertThat(ctl.out)
        .contains("status", "wait", "Exit codes", "3   the daemon cannot be reached");
    assertThat(ctl.out).doesNotContain("generate-completion");
    assertThat(ctl.run("wait", "--help")).isZero();
    assertThat(ctl.out).contains("--timeout=DURATION");
    assertThat(ctl.run("--version")).isZero();
    assertThat(ctl.out).startsWith("hypernctl ");
  }

  @Test
  void theSocketOptionWinsOverTheEnvironment() {
    Hypernctl wrongEnv =
        new Hypernctl(Map.of("HYPERND_SOCKET", "/nonexistent.sock"), false, ControlFixture.START);
    assertThat(wrongEnv.run("--socket", f.socket.toString(), "jobs")).isZero();
    assertThat(wrongEnv.run("jobs", "--socket", f.socket.toString())).isZero();
  }

  @Test
  void aPathThatIsNotASocketIsNamedForWhatItIs() throws IOException {
    Path file = Files.writeString(dir.resolve("passwd"), "root:x:0:0::/root:/bin/sh\n");

    assertThat(ctl.run("--socket", file.toString(), "status")).isEqualTo(3);
    assertThat(ctl.err)
        .contains("cannot reach hypernd at " + file + ": it is a regular file, not a socket")
        .contains("--socket PATH or HYPERND_SOCKET")
        .doesNotContain("permission denied", "not running");
    assertThat(ctl.run("--socket", dir.toString(), "status")).isEqualTo(3);
    assertThat(ctl.err)
        .contains("cannot reach hypernd at " + dir + ": it is a directory, not a socket")
        .doesNotContain("not running");
  }

  @Test
  void anUnreachableDaemonExitsWith3NamingTheSocketAndHowToStartIt() {
    Path missing = dir.resolve("nowhere/hypernd.sock");
    assertThat(ctl.run("--socket", missing.toString(), "status")).isEqualTo(3);
    assertThat(ctl.err)
        .contains("cannot reach hypernd at " + missing, "is hypernd running?")
        .contains("hypernd run jobs.yaml", "systemctl start hypernd");
    f.server.close();
    assertThat(ctl.run("status")).isEqualTo(3);
    assertThat(ctl.err).contains(f.socket.toString());
  }

  @Test
  void colourOnlyOnATerminalAndNeverWithNoColor() {
    assertThat(ctl.run("wait", f.submit("greet", "x"))).isZero();
    Hypernctl terminal =
        new Hypernctl(Map.of("HYPERND_SOCKET", f.socket.toString()), true, ControlFixture.START);
    terminal.run("status");
    assertThat(terminal.out).contains("\u001b[32mCOMPLETED\u001b[0m");
    Hypernctl noColor =
        new Hypernctl(
            Map.of("HYPERND_SOCKET", f.socket.toString(), "NO_COLOR", "1"),
            true,
            ControlFixture.START);
    noColor.run("status");
    assertThat(noColor.out).doesNotContain("\u001b[");
    ctl.run("status");
    assertThat(ctl.out).doesNotContain("\u001b[");
  }
}
