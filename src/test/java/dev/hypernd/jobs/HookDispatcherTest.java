package dev.hypernd.jobs;

import static dev.hypernd.jobs.JobFilesForTests.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypernd.engine.TaskEvent;
import dev.hypernd.jobs.shell.HookRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hooks run real commands; {@code shutdown} waits for them, so the tests need no polling. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HookDispatcherTest {
  private static final Duration DRAIN = Duration.ofSeconds(20);

  @TempDir Path dir;
  private final HookDispatcher hooks =
      new HookDispatcher(new HookRunner(), AlertSender.standard("test"));

  private String jobFile(String hooksYaml) {
    return "jobs:\n"
        + "  - name: j\n"
        + "    once: {}\n"
        + "    command: 'false'\n"
        + "    env: {OUT: "
        + dir
        + "}\n"
        + hooksYaml;
  }

  private String[] recorded() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void onStartRunsWhenAnAttemptStarts() throws Exception {
    hooks.use(parse(jobFile("    on_start: 'cat > \"$OUT/$HYPERN_EVENT-$HYPERN_ATTEMPT\"'\n")));
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.STARTED, "j", 2));
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.COMPLETED, "j", 2));
    assertThat(hooks.shutdown(DRAIN)).isTrue();

    assertThat(recorded()).containsExactly("task.started-2");
    JsonNode started = new ObjectMapper().readTree(Files.readString(dir.resolve("task.started-2")));
    assertThat(started.get("event").asText()).isEqualTo("task.started");
    assertThat(started.get("lateness_ms").asDouble()).isEqualTo(250.0);
  }

  @Test
  void eachEventRunsItsHookWithTheEventJsonOnStdin() throws Exception {
    String record = "cat > \"$OUT/$HYPERN_EVENT-$HYPERN_ATTEMPT-$HYPERN_TASK_ID-$HYPERN_JOB\"";
    hooks.use(
        parse(
            jobFile(
                "    on_error: '"
                    + record
                    + "'\n    on_failure: '"
                    + record
                    + "'\n    on_success: '"
                    + record
                    + "'\n")));

    hooks.onEvent(TaskEvents.of(TaskEvent.Type.STARTED, "j", 1));
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.ERROR, "j", 1));
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.FAILED, "j", 2));
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.COMPLETED, "j", 3));
    assertThat(hooks.shutdown(DRAIN)).isTrue();

    assertThat(recorded())
        .containsExactly(
            "task.completed-3-sched-9-j", "task.error-1-sched-9-j", "task.failed-2-sched-9-j");
    JsonNode error =
        new ObjectMapper().readTree(Files.readString(dir.resolve("task.error-1-sched-9-j")));
    assertThat(error.get("event").asText()).isEqualTo("task.error");
    assertThat(error.get("level").asText()).isEqualTo("WARN");
    assertThat(error.get("job").asText()).isEqualTo("j");
    assertThat(error.get("error").asText()).isEqualTo("exit status 3");
    assertThat(error.get("will_retry").asBoolean()).isTrue();
    assertThat(error.get("retry_in_ms").asLong()).isEqualTo(4000);
    assertThat(error.has("@timestamp")).isTrue();
    JsonNode completed =
        new ObjectMapper().readTree(Files.readString(dir.resolve("task.completed-3-sched-9-j")));
    assertThat(completed.get("result").asText()).isEqualTo("done\n");
  }

  @Test
  void whatASuccessfulHookWritesIsPassedOnAsHookOutput() throws Exception {
    List<OutputEvent> lines = new CopyOnWriteArrayList<>();
    HookDispatcher passing =
        new HookDispatcher(
            new HookRunner(),
            AlertSender.standard("test"),
            lines::add,
            dev.hypernd.jobs.shell.OutputLimits.DEFAULTS);
    passing.use(
        parse(jobFile("    on_success: 'echo \"paged $HYPERN_TASK_ID\"; echo slow >&2'\n")));

    passing.onEvent(TaskEvents.of(TaskEvent.Type.COMPLETED, "j", 3));
    assertThat(passing.shutdown(DRAIN)).isTrue();

    assertThat(lines)
        .extracting(e -> e.stream().wireName() + ": " + e.line().orElseThrow())
        .containsExactlyInAnyOrder("stdout: paged sched-9", "stderr: slow");
    assertThat(lines)
        .allSatisfy(
            e -> {
              assertThat(e.source()).isEqualTo(OutputEvent.Source.HOOK);
              assertThat(e.hook()).hasValue("on_success");
              assertThat(e.job()).isEqualTo("j");
              assertThat(e.taskId()).isEqualTo("sched-9");
              assertThat(e.attempt()).isEqualTo(3);
            });
  }

  @Test
  void aFailingHookIsLoggedAndTheNextHookStillRuns() throws Exception {
    hooks.use(
        parse(
            jobFile(
                "    on_error: 'echo broken >&2; exit 4'\n"
                    + "    on_failure: [sh, -c, 'cat > \"$OUT/failure.json\"']\n")));

    hooks.onEvent(TaskEvents.of(TaskEvent.Type.ERROR, "j", 1));
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.FAILED, "j", 1));
    assertThat(hooks.shutdown(DRAIN)).isTrue();

    assertThat(recorded()).containsExactly("failure.json");
  }

  @Test
  void aRemovedJobsLastHooksServeItsRemainingTasks() throws Exception {
    hooks.use(parse(jobFile("    on_failure: 'cat > \"$OUT/failure.json\"'\n")));
    hooks.use(parse("jobs: [{name: other, once: {}, command: 'true'}]"));

    hooks.onEvent(TaskEvents.of(TaskEvent.Type.FAILED, "j", 1));
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.FAILED, "other", 1));
    assertThat(hooks.shutdown(DRAIN)).isTrue();

    assertThat(recorded()).containsExactly("failure.json");
  }
}
