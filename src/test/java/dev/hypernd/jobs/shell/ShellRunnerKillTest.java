package dev.hypernd.jobs.shell;

import static dev.hypernd.jobs.shell.ProcAssertions.assertSessionGone;
import static dev.hypernd.jobs.shell.ProcAssertions.isRunning;
import static dev.hypernd.jobs.shell.ProcAssertions.liveMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Cancel, timeout and leftovers: the whole process tree of a job goes, and nothing else. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShellRunnerKillTest {
  private static final Duration SHORT_GRACE = Duration.ofMillis(300);
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @TempDir Path dir;
  private Fifo fifo;

  @BeforeEach
  void createFifo() throws Exception {
    fifo = Fifo.create(dir);
  }

  private BackgroundRun runInBackground(ShellRunner runner, String script) {
    return BackgroundRun.start(
        () -> runner.run(ShellCommand.script("victim", script), List.of(fifo.path()), Map.of()));
  }

  @Test
  void interruptStopsEveryProcessOfTheJobNotJustTheShell() throws Exception {
    // yacron #70: a timeout killed only sh; here a background and a foreground sleep must go too.
    ShellRunner runner =
        new ShellRunner(ShellConfig.DEFAULTS.withKillGrace(Duration.ofSeconds(20)));
    BackgroundRun task =
        runInBackground(runner, "sleep 1000 & (echo $$ > \"$1\"; exec sleep 1000)");
    long session = fifo.readPid();
    assertThat(liveMembers(session)).hasSizeGreaterThanOrEqualTo(3);

    task.interrupt();

    assertThat(task.awaitFailure(DEADLINE)).isInstanceOf(ShellInterruptedException.class);
    assertSessionGone(session);
    assertThat(task.duration())
        .as("SIGTERM sufficed, no grace waited")
        .isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aTimeoutStopsEveryProcessOfTheJobAndReportsTheStderrTail() throws Exception {
    ShellRunner runner = new ShellRunner(ShellConfig.DEFAULTS.withKillGrace(SHORT_GRACE));
    BackgroundRun task =
        BackgroundRun.start(
            () ->
                runner.run(
                    ShellCommand.script(
                        "victim",
                        "echo stuck >&2; sleep 1000 & (echo $$ > \"$1\"; exec sleep 1000)"),
                    List.of(fifo.path()),
                    Map.of(),
                    Duration.ofMillis(500)));
    long session = fifo.readPid();

    Throwable failure = task.awaitFailure(DEADLINE);

    assertThat(failure)
        .isInstanceOf(ShellTimeoutException.class)
        .hasMessage("timeout after 500ms: stuck");
    assertThat(((ShellTimeoutException) failure).timeout()).isEqualTo(Duration.ofMillis(500));
    assertSessionGone(session);
  }

  @Test
  void aJobIgnoringSigtermIsKilledAfterTheGracePeriod() throws Exception {
    ShellRunner runner = new ShellRunner(ShellConfig.DEFAULTS.withKillGrace(SHORT_GRACE));
    BackgroundRun task =
        runInBackground(
            runner, "trap '' TERM; echo started >&2; sleep 1000 & echo $$ > \"$1\"; sleep 1000");
    long session = fifo.readPid();

    task.interrupt();

    Throwable failure = task.awaitFailure(DEADLINE);
    assertThat(failure)
        .isInstanceOfSatisfying(
            ShellInterruptedException.class,
            e -> {
              assertThat(e.outcome().exitCode()).as("SIGKILL").isEqualTo(137);
              assertThat(e.outcome().stderrTail()).isEqualTo("started\n");
              assertThat(e.getMessage()).startsWith("job victim interrupted after ");
            });
    assertThat(task.duration()).isGreaterThanOrEqualTo(SHORT_GRACE);
    assertSessionGone(session);
  }

  @Test
  void aTrapHandlerMayCleanUpWithinTheGracePeriod() throws Exception {
    // SIGTERM goes once to the processes there are; the handler's own children are spared.
    // The background process reports once it has exec'd: a forked shell that has not yet exec'd
    // still runs the parent's trap handler and would swallow its SIGTERM.
    ShellRunner runner =
        new ShellRunner(ShellConfig.DEFAULTS.withKillGrace(Duration.ofSeconds(20)));
    BackgroundRun task =
        runInBackground(
            runner,
            "trap '(sleep 0.2; echo cleaned up) >&2; exit 0' TERM;"
                + " sh -c 'echo $PPID > \"$1\"; exec sleep 1000' background \"$1\" & wait");
    long session = fifo.readPid();

    task.interrupt();

    assertThat(task.awaitFailure(DEADLINE))
        .isInstanceOfSatisfying(
            ShellInterruptedException.class,
            e -> {
              assertThat(e.outcome().stderrTail()).isEqualTo("cleaned up\n");
              assertThat(e.outcome().exitCode()).isZero();
            });
    assertThat(task.duration()).isLessThan(Duration.ofSeconds(10));
    assertSessionGone(session);
  }

  @Test
  void processesThatMovedToAnotherGroupOfTheSessionAreStoppedToo() throws Exception {
    // timeout(1) puts itself in a process group of its own; a pgid-only kill would miss it.
    ShellRunner runner = new ShellRunner(ShellConfig.DEFAULTS.withKillGrace(SHORT_GRACE));
    BackgroundRun task =
        runInBackground(
            runner, "timeout 1000 sh -c 'echo $$ > \"$1\"; exec sleep 1000' inner \"$1\" & wait");
    long inner = fifo.readPid();
    ProcStat innerStat = ProcStat.read(inner).orElseThrow();
    assertThat(innerStat.processGroup()).isNotEqualTo(innerStat.session());

    task.interrupt();

    assertThat(task.awaitFailure(DEADLINE)).isInstanceOf(ShellInterruptedException.class);
    assertThat(isRunning(inner)).isFalse();
    assertSessionGone(innerStat.session());
  }

  @Test
  void anAlreadyInterruptedThreadStopsTheJobAtOnce() throws Exception {
    ShellRunner runner = new ShellRunner(ShellConfig.DEFAULTS.withKillGrace(SHORT_GRACE));
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(
              () -> runner.run(ShellCommand.script("early", "sleep 1000"), List.of(), Map.of()))
          .isInstanceOfSatisfying(
              ShellInterruptedException.class, e -> assertSessionGone(e.outcome().pid()));
      assertThat(Thread.currentThread().isInterrupted())
          .as("the exception carries the interrupt")
          .isFalse();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void backgroundProcessesLeftBehindAreStoppedWhenTheJobExits() throws Exception {
    ShellRunner runner =
        new ShellRunner(ShellConfig.DEFAULTS.withKillGrace(Duration.ofSeconds(20)));

    // The leftover holds stdout open; the run must still end promptly.
    ShellOutcome outcome =
        runner.run(ShellCommand.script("leaver", "sleep 1000 & echo $!"), List.of(), Map.of());

    assertThat(outcome.exitCode()).isZero();
    assertThat(isRunning(Long.parseLong(outcome.stdoutTail().trim()))).isFalse();
    assertSessionGone(outcome.pid());
    assertThat(outcome.duration()).as("SIGTERM sufficed").isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void leftoversMayBeToleratedOnRequest() throws Exception {
    ShellRunner runner = new ShellRunner(ShellConfig.DEFAULTS.withKillLeftovers(false));

    ShellOutcome outcome =
        runner.run(
            ShellCommand.script("daemonizer", "sleep 1000 >/dev/null 2>&1 & echo $!"),
            List.of(),
            Map.of());

    long leftover = Long.parseLong(outcome.stdoutTail().trim());
    try {
      assertThat(isRunning(leftover)).isTrue();
      assertThat(ProcStat.read(leftover).orElseThrow().session()).isEqualTo(outcome.pid());
    } finally {
      ProcessHandle.of(leftover).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
