package dev.hypernd.jobs;

import static dev.hypernd.jobs.JobFilesForTests.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypernd.engine.JobDefinition;
import dev.hypernd.engine.TaskContext;
import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskState;
import dev.hypernd.jobs.shell.ShellRunner;
import dev.hypernd.jobs.shell.ShellTimeoutException;
import dev.hypernd.testing.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Command jobs as the engine runs them: real processes, time driven by hand where it matters. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CommandJobTest {
  private final RunningCommands running = new RunningCommands();
  private final JobDefinitions definitions = new JobDefinitions(new ShellRunner(), running);

  @TempDir Path dir;

  private Object runOnce(String yaml, int attempt, List<Object> args) throws Exception {
    JobDefinition definition = definitions.define(job(yaml), getClass().getClassLoader());
    TaskContext context =
        new TaskContext("sched-7", definition.name(), attempt, args, Instant.EPOCH);
    return definition.action().run(context);
  }

  @Test
  void aScriptSeesTheTaskInItsEnvironmentAndTheArgumentsAsPositionalParameters() throws Exception {
    Object result =
        runOnce(
            """
            defaults: {env: {GREETING: hi}}
            jobs:
              - name: greet
                once: {}
                command: printf '%s|' "$HYPERN_TASK_ID" "$HYPERN_JOB" "$HYPERN_ATTEMPT" \
            "$GREETING" "$#" "$@"
            """,
            2, List.of("a b", "it's", 3));

    assertThat(result).isEqualTo("sched-7|greet|2|hi|3|a b|it's|3|");
    assertThat(running.count()).isZero();
  }

  @Test
  void anArgumentVectorGetsTheArgumentsAppendedAndStartsInTheWorkdir() throws Exception {
    assertThat(
            runOnce(
                "jobs: [{name: a, once: {}, command: [printf, '%s,']}]", 1, List.of("x y", "z")))
        .isEqualTo("x y,z,");
    assertThat(
            runOnce(
                "jobs: [{name: a, once: {}, command: pwd, workdir: " + dir + "}]", 1, List.of()))
        .isEqualTo(dir.toRealPath() + "\n");
  }

  @Test
  void eachLineIsATaskOutputEventOfTheAttemptUnlessTheJobDiscardsItsOutput() throws Exception {
    List<OutputEvent> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    JobDefinitions logging =
        new JobDefinitions(
            new ShellRunner(), running, lines::add, dev.hypernd.jobs.shell.OutputLimits.DEFAULTS);
    String yaml = "jobs: [{name: talk, once: {}, OUTPUT command: 'echo hi; echo ho >&2'}]";
    TaskContext context = new TaskContext("sched-7", "talk", 2, List.of(), Instant.EPOCH);

    Object result =
        logging
            .define(job(yaml.replace("OUTPUT", "")), getClass().getClassLoader())
            .action()
            .run(context);
    logging
        .define(job(yaml.replace("OUTPUT", "output: discard,")), getClass().getClassLoader())
        .action()
        .run(context);

    assertThat(result).isEqualTo("hi\n");
    assertThat(lines)
        .extracting(e -> e.stream().wireName() + ": " + e.line().orElseThrow())
        .containsExactlyInAnyOrder("stdout: hi", "stderr: ho");
    assertThat(lines)
        .allSatisfy(
            e -> {
              assertThat(e.source()).isEqualTo(OutputEvent.Source.TASK);
              assertThat(e.job()).isEqualTo("talk");
              assertThat(e.taskId()).isEqualTo("sched-7");
              assertThat(e.attempt()).isEqualTo(2);
              assertThat(e.hook()).isEmpty();
            });
  }

  @Test
  void aTimeoutStopsTheJobAndTheErrorCarriesTheStderrTail() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                runOnce(
                    "jobs: [{name: a, once: {}, timeout: 300ms,"
                        + " command: 'echo about to hang >&2; sleep 30 & sleep 30'}]",
                    1,
                    List.of()))
        .isInstanceOf(ShellTimeoutException.class)
        .hasMessage("timeout after 300ms: about to hang");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(running.count()).isZero();
  }

  @Test
  void aFailingCommandIsRetriedOnItsExitCodeWithTheConfiguredBackoff() {
    ManualScheduler hand = new ManualScheduler();
    hand.scheduler()
        .schedule(
            definitions.define(
                job(
                    """
                    jobs:
                      - name: flaky
                        once: {}
                        command: echo "attempt $HYPERN_ATTEMPT" >&2; exit 75
                        retry: {max_retries: 2, backoff: 1h, backoff_factor: 3, \
                    max_delay: 1d, retry_on: [75]}
                    """),
                getClass().getClassLoader()));
    hand.scheduler().start();

    String id = hand.scheduler().submit("flaky", List.of(), Duration.ZERO);
    TaskResult afterFirst = hand.scheduler().getResult(id).orElseThrow();
    assertThat(afterFirst.state()).isEqualTo(TaskState.RETRYING);
    assertThat(afterFirst.nextAttemptAt())
        .isEqualTo(ManualScheduler.START.plus(Duration.ofHours(1)));

    hand.tick(Duration.ofHours(1));
    assertThat(hand.scheduler().getResult(id).orElseThrow().nextAttemptAt())
        .isEqualTo(ManualScheduler.START.plus(Duration.ofHours(4)));
    hand.tick(Duration.ofHours(3));

    TaskResult result = hand.scheduler().getResult(id).orElseThrow();
    assertThat(result.state()).isEqualTo(TaskState.FAILED);
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(result.error().message()).isEqualTo("exit status 75: attempt 3");
  }

  @Test
  void anExitCodeNotInRetryOnFailsAtOnce() {
    ManualScheduler hand = new ManualScheduler();
    hand.scheduler()
        .schedule(
            definitions.define(
                job(
                    "jobs: [{name: a, once: {}, command: 'exit 1',"
                        + " retry: {max_retries: 5, retry_on: [75]}}]"),
                getClass().getClassLoader()));
    hand.scheduler().start();

    String id = hand.scheduler().submit("a", List.of(), Duration.ZERO);

    TaskResult result = hand.scheduler().getResult(id).orElseThrow();
    assertThat(result.state()).isEqualTo(TaskState.FAILED);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.error().type()).isEqualTo("dev.hypernd.jobs.shell.ShellExitException");
  }
}
