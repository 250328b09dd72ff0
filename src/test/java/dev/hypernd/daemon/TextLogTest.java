package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.TaskError;
import dev.hypernd.engine.TaskEvent;
import dev.hypernd.jobs.ReloadDiff;
import dev.hypernd.jobs.config.ConfigError;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code --log-format text}, the default on a terminal: each event as a short line of local time,
 * job, task and what happened, through the encoder {@code hypernd run} configures.
 */
class TextLogTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  // 22:57:25 in Berlin.
  private static final Instant NOW = Instant.parse("2026-01-05T21:57:25.123456789Z");
  private static final Path FILE = Path.of("/etc/hypernd/jobs.yaml");

  private final EventLog log = new EventLog(new RepeatLimiter(Duration.ofMinutes(1), () -> 0L));
  private LoggedEvents logged;

  @BeforeEach
  void capture() {
    logged = new LoggedEvents();
  }

  @AfterEach
  void release() {
    logged.close();
  }

  private static TaskEvent event(
      TaskEvent.Type type, int attempt, long durationMs, TaskError error, boolean willRetry) {
    return new TaskEvent(
        type,
        NOW,
        "backup",
        "sched-12",
        attempt,
        NOW.minusSeconds(3),
        NOW.minusMillis(2500),
        12.5,
        durationMs,
        error,
        willRetry,
        willRetry ? 1000 : 0,
        type == TaskEvent.Type.COMPLETED ? "a long result\nthat the line leaves out" : null,
        List.of());
  }

  private static TaskError exit3() {
    return new TaskError("dev.hypernd.jobs.shell.ShellExitException", "exit status 3: disk full");
  }

  /** The one line each event made, without its newline. */
  private List<String> lines() {
    return logged.text(BERLIN, NOW).stream()
        .map(line -> line.endsWith("\n") ? line.substring(0, line.length() - 1) : line)
        .toList();
  }

  @Test
  void aRunReadsAsStartedThenFailedWithTheShortErrorAndTheRetry() {
    log.onEvent(event(TaskEvent.Type.STARTED, 1, 0, null, false));
    log.onEvent(event(TaskEvent.Type.ERROR, 1, 2500, exit3(), true));
    log.onEvent(event(TaskEvent.Type.STARTED, 2, 0, null, false));
    log.onEvent(event(TaskEvent.Type.COMPLETED, 2, 740, null, false));

    assertThat(lines())
        .containsExactly(
            "22:57:25 backup sched-12 started (attempt 1)",
            "22:57:25 backup sched-12 failed exit 3 in 2.5s: disk full, retry in 1s",
            "22:57:25 backup sched-12 started (attempt 2)",
            "22:57:25 backup sched-12 attempt 2 completed in 740ms");
  }

  @Test
  void aTaskThatGivesUpSaysHowOftenItTried() {
    log.onEvent(event(TaskEvent.Type.ERROR, 3, 61_000, exit3(), false));
    log.onEvent(event(TaskEvent.Type.FAILED, 3, 61_000, exit3(), false));

    assertThat(lines())
        .containsExactly(
            "22:57:25 backup sched-12 attempt 3 failed exit 3 in 1m1s: disk full",
            "22:57:25 backup sched-12 FAILED after 3 attempts: exit 3");
  }

  @Test
  void errorsAreShortWithoutClassNames() {
    assertThat(ShortError.of("dev.hypernd.jobs.shell.ShellExitException", "exit status 3"))
        .isEqualTo(new ShortError("exit 3", ""));
    assertThat(
            ShortError.of(
                "dev.hypernd.jobs.shell.ShellExitException",
                "exit status 137 (128+SIGKILL): Killed\n  by the OOM killer"))
        .isEqualTo(new ShortError("exit 137 (SIGKILL)", "Killed; by the OOM killer"));
    assertThat(
            ShortError.of(
                "dev.hypernd.jobs.shell.ShellSignalException", "killed by signal 15 (SIGTERM)"))
        .isEqualTo(new ShortError("killed by SIGTERM", ""));
    assertThat(
            ShortError.of(
                "dev.hypernd.jobs.shell.ShellTimeoutException", "timeout after 1m30s: still busy"))
        .isEqualTo(new ShortError("timeout", "still busy"));
    assertThat(ShortError.of("dev.hypernd.engine.TaskTimeoutException", "timed out after 3s"))
        .isEqualTo(new ShortError("timeout", ""));
    assertThat(ShortError.of("java.io.IOException", "disk full"))
        .isEqualTo(new ShortError("IOException", "disk full"));
    assertThat(ShortError.of("com.example.Jobs$Broken", "com.example.Jobs$Broken"))
        .isEqualTo(new ShortError("Jobs.Broken", ""));
  }

  @Test
  void aLateStartSaysSoAndATaskDueAtOnceHasNoScheduledLine() {
    TaskEvent late =
        new TaskEvent(
            TaskEvent.Type.STARTED,
            NOW,
            "backup",
            "sched-12",
            1,
            NOW,
            NOW,
            4200.25,
            0,
            null,
            false,
            0,
            null,
            List.of());
    TaskEvent dueNow =
        new TaskEvent(
            TaskEvent.Type.SCHEDULED,
            NOW,
            "backup",
            "sched-12",
            0,
            NOW,
            null,
            0,
            0,
            null,
            false,
            0,
            null,
            List.of());
    TaskEvent delayed =
        new TaskEvent(
            TaskEvent.Type.SCHEDULED,
            NOW,
            "greet",
            "sched-13",
            0,
            NOW.plusSeconds(300),
            null,
            0,
            0,
            null,
            false,
            0,
            null,
            List.of("Alice", "Bob"));
    log.onEvent(late);
    log.onEvent(dueNow);
    log.onEvent(delayed);

    assertThat(lines())
        .containsExactly(
            "22:57:25 backup sched-12 started (attempt 1), 4.2s late",
            "",
            "22:57:25 greet sched-13 scheduled for 23:02:25 with Alice Bob");
  }

  @Test
  void skipsAndCancellationsSayWhy() {
    TaskEvent skipped =
        new TaskEvent(
            TaskEvent.Type.SKIPPED,
            NOW,
            "tick",
            null,
            0,
            NOW,
            null,
            0,
            0,
            new TaskError("overlap", "skipped: sched-1 is still RUNNING"),
            false,
            0,
            null,
            List.of());
    TaskEvent cancelled =
        new TaskEvent(
            TaskEvent.Type.CANCELLED,
            NOW,
            "tick",
            "sched-2",
            0,
            NOW,
            null,
            0,
            0,
            new TaskError("cancelled", "cancelled by request"),
            false,
            0,
            null,
            List.of());
    TaskEvent replaced =
        new TaskEvent(
            TaskEvent.Type.CANCELLED,
            NOW,
            "tick",
            "sched-3",
            1,
            NOW,
            null,
            0,
            0,
            new TaskError("replaced", "replaced by sched-4"),
            false,
            0,
            null,
            List.of());
    log.onEvent(skipped);
    log.onEvent(cancelled);
    log.onEvent(replaced);

    assertThat(lines())
        .containsExactly(
            "22:57:25 tick skipped: sched-1 is still RUNNING",
            "22:57:25 tick sched-2 cancelled by request",
            "22:57:25 tick sched-3 cancelled: replaced by sched-4");
  }

  @Test
  void daemonAndConfigurationEvents() {
    log.loaded(
        new ReloadOutcome.Loaded(
            FILE, NOW, 7, new ReloadDiff(List.of(), List.of(), List.of(), List.of()), 3, true));
    log.started(
        new DaemonStatus(
            "1.2.0",
            4242,
            NOW,
            Duration.ZERO,
            FILE,
            NOW,
            3,
            null,
            "/var/lib/hypernd/state.db",
            Optional.of(Path.of("/run/hypernd/hypernd.sock"))));
    log.loaded(
        new ReloadOutcome.Loaded(
            FILE,
            NOW,
            7,
            new ReloadDiff(List.of("a"), List.of("b", "c"), List.of(), List.of("d")),
            3,
            false));
    log.loaded(
        new ReloadOutcome.Rejected(
            FILE,
            NOW,
            4,
            List.of(
                new ConfigError(FILE, 3, 15, "jobs[0] (x).interval", "expected a duration"),
                new ConfigError(FILE, 5, 5, "jobs[0] (x).retri", "unknown key \"retri\""))));
    log.stopping("SIGTERM", Duration.ofSeconds(30));
    log.stopped(1200, 2);

    assertThat(lines())
        .containsExactly(
            "22:57:25 loaded /etc/hypernd/jobs.yaml: 3 jobs",
            "22:57:25 hypernd 1.2.0 started (pid 4242): 3 jobs from /etc/hypernd/jobs.yaml,"
                + " socket /run/hypernd/hypernd.sock, state /var/lib/hypernd/state.db",
            "22:57:25 reloaded /etc/hypernd/jobs.yaml: 3 jobs; added a; changed b, c",
            "22:57:25 rejected /etc/hypernd/jobs.yaml (2 errors); the running jobs stay as they"
                + " were:\n"
                + "    /etc/hypernd/jobs.yaml:3:15: jobs[0] (x).interval: expected a duration\n"
                + "    /etc/hypernd/jobs.yaml:5:5: jobs[0] (x).retri: unknown key \"retri\"",
            "22:57:25 stopping on SIGTERM; running tasks get 30s",
            "22:57:25 stopped after 1.2s; 2 tasks killed");
  }

  @Test
  void outputLinesCarryTheJobTheTaskAndTheStream() {
    // Written the way the event log writes every event: its fields as the line's marker.
    org.slf4j.Logger events = LoggerFactory.getLogger(EventLog.LOGGER);
    events
        .atInfo()
        .addMarker(
            EventFields.of(
                Map.of(
                    "event",
                    "task.output",
                    "job",
                    "backup",
                    "task_id",
                    "sched-12",
                    "attempt",
                    1,
                    "stream",
                    "stdout",
                    "line",
                    "copied 3 files")))
        .log("task.output");
    events
        .atInfo()
        .addMarker(
            EventFields.of(
                Map.of(
                    "event",
                    "hook.output",
                    "job",
                    "backup",
                    "task_id",
                    "sched-12",
                    "attempt",
                    1,
                    "hook",
                    "on_error",
                    "stream",
                    "stderr",
                    "line",
                    "paging the admin")))
        .log("hook.output");

    assertThat(lines())
        .containsExactly(
            "22:57:25 backup sched-12 | copied 3 files",
            "22:57:25 backup sched-12 on_error ! paging the admin");
  }

  @Test
  void otherLogLinesShowTheirLevelOnlyWhenItMatters() {
    org.slf4j.Logger other = LoggerFactory.getLogger(EventLog.LOGGER);
    other.info("control socket {} closed", "/run/hypernd/hypernd.sock");
    other.atInfo().addKeyValue("addresses", 2).log("serving metrics");
    other
        .atWarn()
        .addKeyValue("event", "hook.failed")
        .addKeyValue("job", "backup")
        .addKeyValue("hook", "on_error")
        .log("hook {} of job {} failed: {}", "on_error", "backup", "exit status 1");

    assertThat(lines())
        .containsExactly(
            "22:57:25 control socket /run/hypernd/hypernd.sock closed",
            "22:57:25 serving metrics addresses=2",
            "22:57:25 WARN hook on_error of job backup failed: exit status 1");
  }

  @Test
  void durationsReadAsPeopleWriteThem() {
    assertThat(DurationWords.of(Duration.ofMillis(7))).isEqualTo("7ms");
    assertThat(DurationWords.of(Duration.ofMillis(2000))).isEqualTo("2s");
    assertThat(DurationWords.of(Duration.ofMillis(2549))).isEqualTo("2.5s");
    assertThat(DurationWords.of(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(DurationWords.of(Duration.ofMinutes(150))).isEqualTo("2h30m");
    assertThat(DurationWords.of(Duration.ofHours(50))).isEqualTo("2d2h");
  }
}
