package dev.hypernd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.control.ControlJson;
import dev.hypernd.control.ReloadView;
import dev.hypernd.daemon.control.ControlFixture;
import dev.hypernd.engine.RetryPolicy;
import dev.hypernd.engine.TaskAction;
import dev.hypernd.engine.TaskContext;
import dev.hypernd.engine.TaskResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every verb of the real hypernctl against a real server: human output, --json, exit codes. */
class HypernctlTest {
  @TempDir Path dir;
  private ControlFixture f;
  private Hypernctl ctl;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    f = new ControlFixture(dir);
    f.scheduler.task("greet", ctx -> "hello " + ctx.arg(0));
    f.scheduler.task(
        "broken",
        ctx -> {
          throw new IOException("disk on fire");
        },
        RetryPolicy.none());
    f.scheduler.task(
        "slow",
        ctx -> {
          release.await();
          return "done";
        });
    f.scheduler.interval("heartbeat", Duration.ofSeconds(30), ctx -> "beat");
    f.scheduler.cron("nightly", "0 3 * * *", ZoneOffset.UTC, ctx -> "cleaned");
    f.start();
    ctl = new Hypernctl(Map.of("HYPERND_SOCKET", f.socket.toString()), false, ControlFixture.START);
  }

  @AfterEach
  void stop() {
    release.countDown();
    f.close();
  }

  private JsonNode json() throws IOException {
    return ControlJson.mapper().readTree(ctl.out);
  }

  private TaskResult finished(String id) {
    assertThat(ctl.run("wait", id, "--timeout", "10s")).isIn(0, 1);
    return f.scheduler.getResult(id).orElseThrow();
  }

  @Test
  void statusShowsTheDaemonAndATableOfJobs() {
    finished(f.submit("greet", "x"));
    assertThat(ctl.run("status")).isZero();
    assertThat(ctl.out)
        .contains("hypernd 9.9.9-test, pid " + ProcessHandle.current().pid() + ", up 1h")
        .contains("config  /etc/hypernd/jobs.yaml, loaded 10m ago")
        .contains("reload  accepted now (2 jobs: unchanged)")
        .contains("JOB        SCHEDULE     NEXT FIRE  LAST STATE  LAST DURATION  RUNNING")
        .containsPattern("heartbeat +every 30s +in 30s +- +- +0")
        .containsPattern("nightly +0 3 \\* \\* \\* Z +in 17h +- +- +0")
        .containsPattern("greet +on demand +- +COMPLETED +\\d+ms +0");
    assertThat(ctl.err).isEmpty();
  }

  @Test
  void statusAsJsonIsTheRawData() throws IOException {
    assertThat(ctl.run("--json", "status")).isZero();
    JsonNode data = json();
    assertThat(data.path("version").asText()).isEqualTo("9.9.9-test");
    assertThat(data.path("uptime_s").asLong()).isEqualTo(3600);
    assertThat(data.path("config_file").asText()).isEqualTo("/etc/hypernd/jobs.yaml");
    assertThat(data.path("jobs")).hasSize(5);
  }

  @Test
  void aRejectedReloadShowsInStatusWithItsErrors() {
    f.nextReload.set(
        ReloadView.rejected(ControlFixture.START.minusSeconds(300), List.of("jobs.yaml:4:7 x")));
    assertThat(ctl.run("status")).isZero();
    assertThat(ctl.out).contains("reload  rejected 5m ago", "  jobs.yaml:4:7 x");
  }

  @Test
  void metricsListTheReferenceKeysForAllOrOneJob() throws IOException {
    finished(f.submit("greet", "x"));
    finished(f.submit("broken"));
    assertThat(ctl.run("metrics")).isZero();
    assertThat(ctl.out)
        .containsPattern("total_submitted +2")
        .containsPattern("total_failed +1")
        .containsPattern("success_rate +50.0%")
        .containsPattern("top_errors +java.io.IOException ×1");
    assertThat(ctl.run("metrics", "--job", "greet", "--json")).isZero();
    assertThat(json().path("total_submitted").asLong()).isEqualTo(1);
    assertThat(ctl.run("metrics", "--job", "nope")).isEqualTo(1);
    assertThat(ctl.err).contains("not_found", "nope");
  }

  @Test
  void resultShowsTheTask() throws IOException {
    String id = f.submit("broken");
    finished(id);
    assertThat(ctl.run("result", id)).isZero();
    assertThat(ctl.out)
        .containsPattern("task +" + id)
        .containsPattern("job +broken")
        .containsPattern("state +FAILED")
        .containsPattern("attempts +1")
        .containsPattern("error +java.io.IOException: disk on fire")
        .containsPattern("scheduled +2026-01-05 10:00:00 \\+00:00 \\(now\\)");
    assertThat(ctl.run("result", id, "--json")).isZero();
    assertThat(json().path("error").path("message").asText()).isEqualTo("disk on fire");
    assertThat(json().has("duration_ms")).isTrue();
  }

  @Test
  void aMultiLineErrorStaysInTheValueColumn() {
    f.scheduler.task(
        "shell-like",
        ctx -> {
          throw new IOException("exit status 2\nls: cannot access 'x'");
        });
    String id = f.submit("shell-like");
    finished(id);
    assertThat(ctl.run("result", id)).isZero();
    assertThat(ctl.out)
        .contains(
            "error      java.io.IOException: exit status 2\n           ls: cannot access 'x'");
  }

  @Test
  void aJavaJobsStackTraceFollowsItsErrorAndIsInTheJson() throws IOException {
    f.scheduler.task(
        "traced",
        new TaskAction() {
          @Override
          public Object run(TaskContext context) {
            throw new IllegalStateException("report failed");
          }

          @Override
          public String stackTraceOf(Throwable error) {
            return "java.lang.IllegalStateException: report failed\n\tat example.Report.call(Report.java:9)";
          }
        },
        RetryPolicy.none());
    String traced = f.submit("traced");
    String broken = f.submit("broken");
    finished(traced);
    finished(broken);

    assertThat(ctl.run("result", traced)).isZero();
    assertThat(ctl.out)
        .contains(
            "error      java.lang.IllegalStateException: report failed\n"
                + "trace      java.lang.IllegalStateException: report failed\n"
                + "           \tat example.Report.call(Report.java:9)");
    assertThat(ctl.run("result", traced, "--json")).isZero();
    assertThat(json().path("error").path("stack_trace").asText())
        .endsWith("at example.Report.call(Report.java:9)");
    assertThat(ctl.run("result", broken, "--json")).isZero();
    assertThat(json().path("error").has("stack_trace")).isFalse();
  }

  @Test
  void anUnknownTaskIsRefusedWithExitCode1() {
    assertThat(ctl.run("result", "sched-999")).isEqualTo(1);
    assertThat(ctl.err).contains("hypernctl: not_found: no task with id sched-999");
    assertThat(ctl.out).isEmpty();
  }

  @Test
  void submitPrintsTheTaskIdAndPassesArgumentsAndDelay() {
    assertThat(ctl.run("submit", "greet", "--delay", "5m", "--", "-v", "two words")).isZero();
    String id = ctl.out.strip();
    assertThat(id).matches("sched-\\d+");
    TaskResult task = f.scheduler.getResult(id).orElseThrow();
    assertThat(task.args()).containsExactly("-v", "two words");
    assertThat(task.nextAttemptAt()).isEqualTo(ControlFixture.START.plus(Duration.ofMinutes(5)));
  }

  @Test
  void cancelOfAPendingTaskThenAgainIsRefused() {
    ctl.run("submit", "greet", "x", "--delay", "1h");
    String id = ctl.out.strip();
    assertThat(ctl.run("cancel", id)).isZero();
    assertThat(ctl.out).contains(id + " (greet): CANCELLED");
    assertThat(ctl.run("cancel", id)).isEqualTo(1);
    assertThat(ctl.err).contains("bad_state", "CANCELLED");
  }

  @Test
  void tasksAreATableFilteredByJobStateAndLimit() throws IOException {
    String ok = f.submit("greet", "x");
    finished(ok);
    String failed = f.submit("broken");
    finished(failed);
    assertThat(ctl.run("tasks")).isZero();
    assertThat(ctl.out)
        .contains("TASK", "JOB", "STATE", "ATTEMPTS", "SCHEDULED", "DURATION", "ERROR")
        .containsPattern(failed + " +broken +FAILED +1 +now +\\d+ms +java.io.IOException: disk");
    assertThat(ctl.run("tasks", "--state", "completed", "--json")).isZero();
    assertThat(json()).hasSize(1);
    assertThat(json().get(0).path("task_id").asText()).isEqualTo(ok);
    assertThat(ctl.run("tasks", "--job", "broken", "--limit", "1", "--json")).isZero();
    assertThat(json()).hasSize(1);
    assertThat(ctl.run("tasks", "--state", "done")).isEqualTo(2);
    assertThat(ctl.run("tasks", "--job", "nope")).isEqualTo(1);
  }

  @Test
  void jobsAreATable() {
    assertThat(ctl.run("jobs")).isZero();
    assertThat(ctl.out)
        .contains("JOB", "SCHEDULE", "OVERLAP", "TIMEOUT", "RETRIES", "NEXT FIRE", "LAST FIRE")
        .containsPattern("heartbeat +every 30s +skip +- +0 +in 30s +- +0")
        .containsPattern("greet +on demand +allow");
  }

  @Test
  void nextPrintsIsoTimesWithOffsets() throws IOException {
    assertThat(ctl.run("next", "nightly", "-n", "2")).isZero();
    assertThat(ctl.out.lines())
        .containsExactly("2026-01-06T03:00:00Z  in 17h", "2026-01-07T03:00:00Z  in 1d17h");
    assertThat(ctl.run("next", "nightly", "--json")).isZero();
    assertThat(json().path("fires")).hasSize(5);
    assertThat(ctl.run("next", "greet")).isZero();
    assertThat(ctl.out).contains("no coming fires");
  }

  @Test
  void aPausedJobHasNoComingFiresAndNextSaysItIsPaused() throws IOException {
    assertThat(ctl.run("pause", "nightly")).isZero();

    assertThat(ctl.run("next", "nightly")).isZero();
    assertThat(ctl.out.strip())
        .isEqualTo("nightly is paused: it does not fire until `hypernctl resume nightly`");
    assertThat(ctl.run("next", "nightly", "--json")).isZero();
    assertThat(json().path("paused").asBoolean()).isTrue();
    assertThat(json().path("fires")).isEmpty();

    assertThat(ctl.run("resume", "nightly")).isZero();
    assertThat(ctl.run("next", "nightly", "--json")).isZero();
    assertThat(json().path("paused").asBoolean()).isFalse();
    assertThat(json().path("fires")).hasSize(5);
  }

  @Test
  void reloadExitsWith1AndPrintsTheErrorsWhenRejected() {
    assertThat(ctl.run("reload")).isZero();
    assertThat(ctl.out).contains("reloaded: 2 jobs: unchanged");
    f.nextReload.set(
        ReloadView.rejected(ControlFixture.START, List.of("a.yaml:1:1 first", "a.yaml:2:1 b")));
    assertThat(ctl.run("reload")).isEqualTo(1);
    assertThat(ctl.out).contains("rejected", "  a.yaml:1:1 first", "  a.yaml:2:1 b");
    assertThat(ctl.run("reload", "--json")).isEqualTo(1);
  }

  /** What the unit's ExecReload runs: silent on success, the errors and exit 1 on rejection. */
  @Test
  void quietReloadPrintsNothingWhenAppliedAndTheErrorsWhenRejected() {
    assertThat(ctl.run("reload", "--quiet")).isZero();
    assertThat(ctl.out).isEmpty();
    assertThat(ctl.err).isEmpty();
    f.nextReload.set(
        ReloadView.rejected(ControlFixture.START, List.of("a.yaml:1:1 first", "a.yaml:2:1 b")));
    assertThat(ctl.run("reload", "-q")).isEqualTo(1);
    assertThat(ctl.out).contains("rejected", "  a.yaml:1:1 first", "  a.yaml:2:1 b");
  }

  @Test
  void pauseAndResume() {
    assertThat(ctl.run("pause", "heartbeat")).isZero();
    assertThat(ctl.out).contains("heartbeat paused");
    assertThat(f.scheduler.jobs().stream().filter(j -> j.name().equals("heartbeat")))
        .allMatch(j -> j.paused());
    ctl.run("status");
    assertThat(ctl.out).containsPattern("heartbeat +every 30s +paused");
    assertThat(ctl.run("resume", "heartbeat")).isZero();
    assertThat(ctl.out).contains("heartbeat resumed");
    assertThat(ctl.run("pause", "nope")).isEqualTo(1);
  }

  @Test
  void waitExitsWith0OnlyForACompletedTask() {
    String slow = f.submit("slow");
    release.countDown();
    assertThat(ctl.run("wait", slow)).isZero();
    assertThat(ctl.out).containsPattern("state +COMPLETED").containsPattern("result +done");
    String broken = f.submit("broken");
    assertThat(ctl.run("wait", broken)).isEqualTo(1);
    assertThat(ctl.out).containsPattern("state +FAILED");
  }

  @Test
  void waitWithATimeoutGivesUp() {
    CountDownLatch never = new CountDownLatch(1);
    f.scheduler.task(
        "stuck",
        ctx -> {
          never.await();
          return null;
        });
    String id = f.submit("stuck");
    assertThat(ctl.run("wait", id, "--timeout", "100ms")).isEqualTo(1);
    assertThat(ctl.err).contains("timeout", id, "did not finish within 100 ms");
    never.countDown();
  }
}
