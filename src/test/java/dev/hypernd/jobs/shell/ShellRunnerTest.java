package dev.hypernd.jobs.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShellRunnerTest {
  private final ShellRunner runner = new ShellRunner();

  private ShellOutcome run(ShellCommand command, String... args) throws Exception {
    return runner.run(command, List.of(args), Map.of());
  }

  private static ShellCommand script(String script) {
    return ShellCommand.script("test-job", script);
  }

  @Test
  void capturesStdoutAndStderrSeparately() throws Exception {
    ShellOutcome outcome = run(script("echo to-out; echo to-err >&2"));

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.signal()).isEmpty();
    assertThat(outcome.stdoutTail()).isEqualTo("to-out\n");
    assertThat(outcome.stderrTail()).isEqualTo("to-err\n");
    assertThat(outcome.duration()).isPositive();
  }

  @Test
  void everyLineGoesToTheSinkAsWellAsToTheCapture() throws Exception {
    RecordingSink sink = new RecordingSink();

    ShellOutcome outcome =
        runner.run(
            script("echo one; echo oops >&2; printf 'two\\nthree'"),
            List.of(),
            Map.of(),
            OutputLines.to(sink, OutputLimits.DEFAULTS));

    assertThat(sink.events)
        .containsExactlyInAnyOrder("stdout: one", "stderr: oops", "stdout: two", "stdout: three");
    assertThat(sink.events.stream().filter(e -> e.startsWith("stdout")))
        .containsExactly("stdout: one", "stdout: two", "stdout: three");
    assertThat(outcome.stdoutTail()).isEqualTo("one\ntwo\nthree");
  }

  @Test
  void aTimedOutJobsLinesArePassedUntilItWasStopped() {
    RecordingSink sink = new RecordingSink();

    assertThatThrownBy(
            () ->
                runner.run(
                    script("echo started; exec sleep 30"),
                    List.of(),
                    Map.of(),
                    java.time.Duration.ofMillis(300),
                    OutputLines.to(sink, OutputLimits.DEFAULTS)))
        .isInstanceOf(ShellTimeoutException.class);
    assertThat(sink.events).containsExactly("stdout: started");
  }

  @Test
  void nonZeroExitIsAShellExitExceptionWithTheStderrTail() {
    ShellJob job = new ShellJob(runner, script("echo partial; echo 'disk full' >&2; exit 3"));

    assertThatThrownBy(() -> job.run(List.of(), Map.of()))
        .isInstanceOfSatisfying(
            ShellExitException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(3);
              assertThat(e.getMessage()).isEqualTo("exit status 3: disk full");
              assertThat(e.stderrTail()).isEqualTo("disk full\n");
              assertThat(e.stdoutTail()).isEqualTo("partial\n");
            });
  }

  @Test
  void shellJobReturnsStdoutOnSuccess() throws Exception {
    ShellJob job = new ShellJob(runner, script("echo result"));

    assertThat(job.run(List.of(), Map.of())).isEqualTo("result\n");
  }

  @Test
  void scriptArgumentsArriveIntactAsPositionalParametersAndTheJobNameIsDollarZero()
      throws Exception {
    ShellOutcome outcome =
        run(
            script("printf '%s\\n' \"$0\"; for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done"),
            "two words",
            "it's \"quoted\"",
            "",
            "$HOME *");

    assertThat(outcome.stdoutTail())
        .isEqualTo("test-job\n[two words]\n[it's \"quoted\"]\n[]\n[$HOME *]\n");
  }

  @Test
  void nonAsciiArgumentsNeedAUtf8Locale() throws Exception {
    // Java encodes arguments and environment in the locale's charset (sun.jnu.encoding), so the
    // daemon must run with a UTF-8 locale (LANG=C.UTF-8 in the unit) for these to survive.
    assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "not a UTF-8 locale");

    ShellOutcome outcome = run(script("printf '%s' \"$1\""), "ünï ✓");

    assertThat(outcome.stdoutTail()).isEqualTo("ünï ✓");
  }

  @Test
  void argvFormIsExecutedDirectlyWithTheArgumentsAppended() throws Exception {
    ShellOutcome outcome =
        run(ShellCommand.argv("argv-job", List.of("printf", "%s|", "a b")), "c'd", "e\"f $x");

    assertThat(outcome.stdoutTail()).isEqualTo("a b|c'd|e\"f $x|");
  }

  @Test
  void environmentIsTheDaemonsPlusTheCommandsPlusTheCallers() throws Exception {
    ShellCommand command =
        script(
                "printf '%s %s %s %s' \"$FROM_COMMAND\" \"$OVERRIDDEN\" \"$HYPERN_TASK_ID\" \"$PATH\"")
            .withEnv(Map.of("FROM_COMMAND", "c", "OVERRIDDEN", "by-command"));

    ShellOutcome outcome =
        runner.run(
            command, List.of(), Map.of("OVERRIDDEN", "by-caller", "HYPERN_TASK_ID", "sched-7"));

    assertThat(outcome.stdoutTail()).isEqualTo("c by-caller sched-7 " + System.getenv("PATH"));
  }

  @Test
  void commandEnvironmentAffectsProgramLookup(@TempDir Path dir) throws Exception {
    Path program = dir.resolve("only-here");
    Files.writeString(program, "#!/bin/sh\necho found me\n");
    program.toFile().setExecutable(true);

    ShellOutcome outcome =
        run(
            ShellCommand.argv("lookup", List.of("only-here"))
                .withEnv(Map.of("PATH", dir.toString())));

    assertThat(outcome.stdoutTail()).isEqualTo("found me\n");
  }

  @Test
  void workingDirectoryIsHonoured(@TempDir Path dir) throws Exception {
    ShellOutcome outcome = run(script("pwd -P").withWorkingDirectory(dir));

    assertThat(outcome.stdoutTail()).isEqualTo(dir.toRealPath() + "\n");
  }

  @Test
  void stdinIsDevNull() throws Exception {
    ShellOutcome outcome = run(script("readlink /proc/$$/fd/0; wc -c"));

    assertThat(outcome.stdoutTail()).isEqualTo("/dev/null\n0\n");
  }

  @Test
  void theJobsPidIsItsProcessGroupAndSessionId() throws Exception {
    // If setsid(1) forked, $$ would differ from the pid Java knows, and kills would miss the job.
    ShellOutcome outcome = run(script("echo $$; cut -d' ' -f5,6 /proc/$$/stat"));

    long pid = outcome.pid();
    assertThat(outcome.stdoutTail()).isEqualTo(pid + "\n" + pid + " " + pid + "\n");
    assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
  }

  @Test
  void aMissingProgramIsExitStatus127LikeInAShell() throws Exception {
    ShellOutcome outcome = run(ShellCommand.argv("missing", List.of("no-such-program-here")));

    assertThat(outcome.exitCode()).isEqualTo(127);
    assertThat(outcome.signal()).isEmpty();
    assertThat(outcome.stderrTail()).contains("no-such-program-here");
  }

  @Test
  void aMissingWorkingDirectoryCannotStart(@TempDir Path dir) {
    ShellCommand command = script("true").withWorkingDirectory(dir.resolve("gone"));

    assertThatThrownBy(() -> run(command))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot start job test-job: ");
  }

  @Test
  void javaReportsASignalDeathAs128PlusTheSignal() throws Exception {
    ShellOutcome killed =
        run(ShellCommand.argv("self-kill", List.of("/bin/sh", "-c", "kill -KILL $$")));
    ShellOutcome exited = run(ShellCommand.argv("exit-137", List.of("/bin/sh", "-c", "exit 137")));

    assertThat(killed.exitCode()).isEqualTo(137);
    assertThat(exited.exitCode()).isEqualTo(137);
  }

  @Test
  void anArgvCommandDyingOfASignalIsAShellSignalException() {
    ShellJob job =
        new ShellJob(
            runner,
            ShellCommand.argv(
                "self-kill", List.of("/bin/sh", "-c", "echo bye >&2; kill -SEGV $$")));

    assertThatThrownBy(() -> job.run(List.of(), Map.of()))
        .isInstanceOfSatisfying(
            ShellSignalException.class,
            e -> {
              assertThat(e.signal()).isEqualTo(11);
              assertThat(e.exitCode()).isEqualTo(139);
              assertThat(e.getMessage()).isEqualTo("killed by signal 11 (SIGSEGV): bye");
            });
  }

  @Test
  void aScriptsStatusAbove128IsAnExitStatusWhateverItsCause() {
    // Documented limitation: sh killed by SIGKILL and "exit 137" look the same to Java.
    for (String script : List.of("kill -KILL $$", "exit 137", "sh -c 'kill -KILL $$'")) {
      ShellJob job = new ShellJob(runner, script(script));

      assertThatThrownBy(() -> job.run(List.of(), Map.of()))
          .as(script)
          .isInstanceOfSatisfying(
              ShellExitException.class,
              e -> assertThat(e.getMessage()).startsWith("exit status 137 (128+SIGKILL)"));
    }
  }

  @Test
  void malformedUtf8IsReplacedNotFatal() throws Exception {
    ShellOutcome outcome = run(script("printf 'a\\377b'"));

    assertThat(outcome.stdoutTail()).isEqualTo("a\uFFFDb");
  }
}
