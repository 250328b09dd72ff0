package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.engine.TaskError;
import dev.hypernd.engine.TaskEvent;
import dev.hypernd.jobs.OutputEvent;
import dev.hypernd.jobs.ReloadDiff;
import dev.hypernd.jobs.config.ConfigError;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the event log writes as JSON, through the encoder {@code hypernd run} configures. */
class EventLogTest {
  private static final Instant DUE = Instant.parse("2026-03-29T01:00:00Z");
  private static final Path FILE = Path.of("/etc/hypernd/jobs.yaml");

  private final AtomicLong nanos = new AtomicLong();
  private final EventLog log = new EventLog(new RepeatLimiter(Duration.ofMinutes(1), nanos::get));
  private LoggedEvents logged;

  @BeforeEach
  void capture() {
    logged = new LoggedEvents();
  }

  @AfterEach
  void release() {
    logged.close();
  }

  private List<JsonNode> json() throws Exception {
    return logged.json();
  }

  private static TaskEvent error(boolean willRetry) {
    return new TaskEvent(
        TaskEvent.Type.ERROR,
        DUE.plusSeconds(3),
        "backup",
        "sched-4",
        2,
        DUE,
        DUE.plusMillis(12),
        0,
        2990,
        new TaskError("dev.hypernd.jobs.shell.ShellExitException", "exit status 3: disk full"),
        willRetry,
        willRetry ? 2000 : 0,
        null,
        List.of());
  }

  private static TaskEvent skipped() {
    return new TaskEvent(
        TaskEvent.Type.SKIPPED,
        DUE,
        "tick",
        null,
        0,
        DUE,
        null,
        0,
        0,
        new TaskError("overlap", "skipped: sched-1 is still RUNNING"),
        false,
        0,
        null,
        List.of());
  }

  @Test
  void aTaskErrorIsOneJsonLineWithTheDesignFields() throws Exception {
    log.onEvent(error(true));

    JsonNode line = json().get(0);
    assertThat(line.get("@timestamp").asText()).endsWith("Z");
    assertThat(line.get("level").asText()).isEqualTo("WARN");
    assertThat(line.get("event").asText()).isEqualTo("task.error");
    assertThat(line.get("job").asText()).isEqualTo("backup");
    assertThat(line.get("task_id").asText()).isEqualTo("sched-4");
    assertThat(line.get("attempt").asInt()).isEqualTo(2);
    assertThat(line.get("scheduled_at").asText()).isEqualTo("2026-03-29T01:00:00Z");
    assertThat(line.get("duration_ms").asLong()).isEqualTo(2990);
    assertThat(line.get("error").asText()).isEqualTo("exit status 3: disk full");
    assertThat(line.get("will_retry").asBoolean()).isTrue();
    assertThat(line.get("retry_in_ms").asLong()).isEqualTo(2000);
    assertThat(line.has("@version")).isFalse();
    assertThat(line.has("level_value")).isFalse();
  }

  private static OutputEvent output(
      OutputEvent.Source source, Optional<String> hook, String line, long cut, long suppressed) {
    return new OutputEvent(
        source,
        DUE,
        "backup",
        "sched-4",
        2,
        hook,
        dev.hypernd.jobs.shell.StdStream.STDERR,
        Optional.ofNullable(line),
        cut,
        suppressed);
  }

  @Test
  void outputLinesAreTaskOutputAndHookOutputEventsWithTheDesignFields() throws Exception {
    log.onOutput(output(OutputEvent.Source.TASK, Optional.empty(), "rsync: 3 files", 0, 0));
    log.onOutput(output(OutputEvent.Source.TASK, Optional.empty(), "x … [9 bytes cut]", 9, 0));
    log.onOutput(output(OutputEvent.Source.TASK, Optional.empty(), null, 0, 1234));
    log.onOutput(output(OutputEvent.Source.HOOK, Optional.of("on_failure"), "paged", 0, 0));

    List<JsonNode> lines = json();
    JsonNode line = lines.get(0);
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("event").asText()).isEqualTo("task.output");
    assertThat(line.get("job").asText()).isEqualTo("backup");
    assertThat(line.get("task_id").asText()).isEqualTo("sched-4");
    assertThat(line.get("attempt").asInt()).isEqualTo(2);
    assertThat(line.get("stream").asText()).isEqualTo("stderr");
    assertThat(line.get("line").asText()).isEqualTo("rsync: 3 files");
    assertThat(line.has("cut_bytes") || line.has("suppressed") || line.has("hook")).isFalse();
    assertThat(lines.get(1).get("cut_bytes").asLong()).isEqualTo(9);
    JsonNode suppressed = lines.get(2);
    assertThat(suppressed.get("level").asText()).isEqualTo("WARN");
    assertThat(suppressed.get("suppressed").asLong()).isEqualTo(1234);
    assertThat(suppressed.has("line")).isFalse();
    assertThat(suppressed.get("message").asText())
        .isEqualTo("task.output backup sched-4 stderr: 1234 lines suppressed by the rate limit");
    JsonNode hook = lines.get(3);
    assertThat(hook.get("event").asText()).isEqualTo("hook.output");
    assertThat(hook.get("hook").asText()).isEqualTo("on_failure");
    assertThat(hook.get("line").asText()).isEqualTo("paged");
  }

  @Test
  void configRejectedCarriesEveryErrorWithItsPosition() throws Exception {
    log.loaded(
        new ReloadOutcome.Rejected(
            FILE,
            Instant.EPOCH,
            4,
            List.of(
                new ConfigError(FILE, 3, 15, "jobs[0] (x).interval", "expected a duration"),
                new ConfigError(FILE, 5, 5, "jobs[0] (x).retri", "unknown key \"retri\""))));

    JsonNode line = json().get(0);
    assertThat(line.get("event").asText()).isEqualTo("config.rejected");
    assertThat(line.get("level").asText()).isEqualTo("ERROR");
    assertThat(line.get("error").asText())
        .isEqualTo(
            "/etc/hypernd/jobs.yaml:3:15: jobs[0] (x).interval: expected a duration\n"
                + "/etc/hypernd/jobs.yaml:5:5: jobs[0] (x).retri: unknown key \"retri\"");
    assertThat(line.get("errors")).hasSize(2);
    assertThat(line.get("errors").get(1).get("line").asInt()).isEqualTo(5);
    assertThat(line.get("errors").get(1).get("key_path").asText()).isEqualTo("jobs[0] (x).retri");
  }

  @Test
  void configLoadedCountsEachKindOfChange() throws Exception {
    log.loaded(
        new ReloadOutcome.Loaded(
            FILE,
            Instant.EPOCH,
            7,
            new ReloadDiff(List.of("a"), List.of("b"), List.of("c", "d"), List.of("e")),
            3,
            false));

    JsonNode line = json().get(0);
    assertThat(line.get("event").asText()).isEqualTo("config.loaded");
    assertThat(line.get("added").asInt()).isEqualTo(1);
    assertThat(line.get("changed").asInt()).isEqualTo(1);
    assertThat(line.get("removed").asInt()).isEqualTo(2);
    assertThat(line.get("unchanged").asInt()).isEqualTo(1);
    assertThat(line.get("removed_jobs").toString()).isEqualTo("[\"c\",\"d\"]");
    assertThat(line.get("duration_ms").asLong()).isEqualTo(7);
  }

  @Test
  void daemonLifecycleEvents() throws Exception {
    log.stopping("SIGTERM", Duration.ofSeconds(30));
    log.stopped(1200, 1);

    List<JsonNode> lines = json();
    assertThat(lines.get(0).get("event").asText()).isEqualTo("daemon.stopping");
    assertThat(lines.get(0).get("grace_ms").asLong()).isEqualTo(30_000);
    assertThat(lines.get(1).get("event").asText()).isEqualTo("daemon.stopped");
    assertThat(lines.get(1).get("killed").asInt()).isEqualTo(1);
  }

  @Test
  void repeatedSkipsAreLoggedOnceAMinuteWithACountOfTheRest() throws Exception {
    for (int second = 0; second < 125; second++) {
      nanos.set(Duration.ofSeconds(second).toNanos());
      log.onEvent(skipped());
    }
    log.onEvent(error(false));

    List<JsonNode> lines = json();
    assertThat(lines)
        .extracting(l -> l.get("event").asText())
        .containsExactly("task.skipped", "task.skipped", "task.skipped", "task.error");
    assertThat(lines.get(0).has("suppressed")).isFalse();
    assertThat(lines.get(1).get("suppressed").asLong()).isEqualTo(59);
    assertThat(lines.get(2).get("suppressed").asLong()).isEqualTo(59);
  }
}
