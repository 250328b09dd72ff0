package dev.hypernd.jobs.shell;

import static dev.hypernd.jobs.shell.ProcAssertions.assertSessionGone;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HookRunnerTest {
  private static final String EVENT =
      "{\"event\":\"task.failed\",\"job\":\"nightly\",\"task_id\":\"sched-42\","
          + "\"error\":\"exit status 3: ünïcødé \\\"quoted\\\"\"}";

  private final HookRunner hooks =
      new HookRunner(
          ShellConfig.DEFAULTS.withKillGrace(Duration.ofMillis(300)), Duration.ofSeconds(20));

  private static ShellCommand hook(String script) {
    return ShellCommand.script("nightly.on_failure", script);
  }

  @Test
  void theHookReceivesTheEventJsonAsOneLineOnStdin() {
    HookOutcome outcome =
        hooks.run(hook("cat; echo \"$HYPERN_JOB\" >&2"), EVENT, Map.of("HYPERN_JOB", "nightly"));

    assertThat(outcome.status()).isEqualTo(HookOutcome.Status.SUCCEEDED);
    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.stdoutTail()).isEqualTo(EVENT + "\n");
    assertThat(outcome.stderrTail()).isEqualTo("nightly\n");
    assertThat(outcome.exitCode()).hasValue(0);
  }

  @Test
  void eventsAppendedToOneFileStayOneALine(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("alerts.log");

    hooks.run(hook("cat >> \"$LOG\""), EVENT, Map.of("LOG", log.toString()));
    hooks.run(hook("cat >> \"$LOG\""), EVENT, Map.of("LOG", log.toString()));

    assertThat(java.nio.file.Files.readAllLines(log)).containsExactly(EVENT, EVENT);
  }

  @Test
  void theHooksLinesGoToTheSinkWhetherItSucceedsOrFails() {
    RecordingSink succeeded = new RecordingSink();
    RecordingSink failed = new RecordingSink();

    hooks.run(
        hook("echo sent; echo 'slow relay' >&2"),
        EVENT,
        Map.of(),
        OutputLines.to(succeeded, OutputLimits.DEFAULTS));
    hooks.run(
        hook("echo 'pager unreachable' >&2; exit 4"),
        EVENT,
        Map.of(),
        OutputLines.to(failed, OutputLimits.DEFAULTS));

    assertThat(succeeded.events).containsExactlyInAnyOrder("stdout: sent", "stderr: slow relay");
    assertThat(failed.events).containsExactly("stderr: pager unreachable");
  }

  @Test
  void aLargeEventIsDeliveredWhetherOrNotTheHookReadsIt() {
    String large = "[" + "1,".repeat(200_000) + "1]";

    HookOutcome counted = hooks.run(hook("wc -c"), large, Map.of());
    HookOutcome ignored = hooks.run(hook("exit 0"), large, Map.of());

    assertThat(counted.stdoutTail().trim()).isEqualTo(Integer.toString(large.length() + 1));
    assertThat(ignored.status()).isEqualTo(HookOutcome.Status.SUCCEEDED);
  }

  @Test
  void aFailingHookYieldsAFailedOutcome() {
    HookOutcome outcome = hooks.run(hook("echo 'pager unreachable' >&2; exit 4"), EVENT, Map.of());

    assertThat(outcome.status()).isEqualTo(HookOutcome.Status.FAILED);
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.exitCode()).hasValue(4);
    assertThat(outcome.description()).isEqualTo("exit status 4: pager unreachable");
  }

  @Test
  void aHangingHookIsStoppedAtItsTimeout() {
    Duration timeout = Duration.ofSeconds(1);
    HookRunner impatient =
        new HookRunner(ShellConfig.DEFAULTS.withKillGrace(Duration.ofMillis(300)), timeout);

    HookOutcome outcome = impatient.run(hook("trap '' TERM; echo $$; sleep 1000"), EVENT, Map.of());

    assertThat(outcome.status()).isEqualTo(HookOutcome.Status.TIMED_OUT);
    assertThat(outcome.description()).isEqualTo("timed out after 1000 ms");
    assertThat(outcome.exitCode()).isEmpty();
    assertThat(outcome.duration()).isGreaterThanOrEqualTo(timeout);
    assertSessionGone(Long.parseLong(outcome.stdoutTail().trim()));
  }

  @Test
  void aHookThatCannotStartSaysSo(@TempDir Path dir) {
    HookOutcome outcome =
        hooks.run(hook("true").withWorkingDirectory(dir.resolve("gone")), EVENT, Map.of());

    assertThat(outcome.status()).isEqualTo(HookOutcome.Status.NOT_STARTED);
    assertThat(outcome.description())
        .startsWith("could not start: cannot start job nightly.on_failure");
  }

  @Test
  void anInterruptedHookIsStoppedAndTheInterruptKept() {
    Thread.currentThread().interrupt();
    try {
      HookOutcome outcome = hooks.run(hook("sleep 1000"), EVENT, Map.of());

      assertThat(outcome.status()).isEqualTo(HookOutcome.Status.INTERRUPTED);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
