package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static dev.hypernd.e2e.Events.instant;
import static dev.hypernd.e2e.Events.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.fixtures.ChildJvm.Run;
import dev.hypernd.fixtures.MetricsKeys;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real hypernctl against the real daemon: one daemon serves most tests, each on jobs of its
 * own; the metrics test has a daemon of its own, with on-demand jobs only, so that its counts are
 * exact.
 */
@Tag("e2e")
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ControlE2ETest {
  private static final Duration SOON = Duration.ofSeconds(15);
  private static final String JOBS =
      """
      jobs:
        - name: echo-args
          once: {}
          command: printf '%s|' "$@"
        - name: fail
          once: {}
          command: echo "no luck" >&2; exit 3
        - name: later
          once: {}
          command: echo later
        - name: retry-later
          once: {}
          command: exit 4
          retry: {max_retries: 3, backoff: 1h}
        - name: hang
          once: {}
          command: sleep 1000 & sleep 1000
        - name: tick
          interval: 1s
          command: "true"
      """;

  @TempDir static Path shared;
  @TempDir Path dir;
  private static Path file;
  private static DaemonProcess daemon;
  private static Ctl ctl;

  @BeforeAll
  static void startTheDaemon() throws Exception {
    file = shared.resolve("jobs.yaml");
    Files.writeString(file, JOBS);
    daemon = DaemonProcess.start(file);
    daemon.await(event("daemon.started"), SOON);
    ctl = new Ctl(shared.resolve("hypernd.sock"));
  }

  @AfterAll
  static void stopTheDaemon() throws Exception {
    daemon.signal("TERM");
    assertThat(daemon.awaitExit(SOON)).as("exit code after SIGTERM").isZero();
    daemon.assertEveryLineWasJson();
    daemon.close();
  }

  @Test
  void submitWithArgumentsWaitAndResultShowAttemptsDurationAndError() {
    String id = ctl.submit("echo-args", "a", "b c");
    Run waited = ctl.run("wait", id, "--timeout", "15s");

    assertThat(waited.code()).as(waited.toString()).isZero();
    assertThat(waited.out()).containsPattern("(?m)^state +COMPLETED$");
    JsonNode done = ctl.result(id);
    assertThat(done.get("task_id").asText()).isEqualTo(id);
    assertThat(done.get("task_name").asText()).isEqualTo("echo-args");
    assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("attempts").asInt()).isEqualTo(1);
    assertThat(done.get("duration_ms").isIntegralNumber()).isTrue();
    assertThat(done.get("duration_ms").asLong()).isNotNegative();
    assertThat(done.get("error").isNull()).isTrue();
    assertThat(done.get("result").asText()).isEqualTo("a|b c|");
    assertThat(done.get("args")).extracting(JsonNode::asText).containsExactly("a", "b c");
    Run human = ctl.run("result", id);
    assertThat(human.code()).isZero();
    assertThat(human.out())
        .containsPattern("(?m)^attempts +1$")
        .containsPattern("(?m)^duration +\\d")
        .containsPattern("(?m)^args +a b c$")
        .containsPattern("(?m)^result +a\\|b c\\|$");

    String failed = ctl.submit("fail");
    Run waitedForFailure = ctl.run("wait", failed, "--timeout", "15s");

    assertThat(waitedForFailure.code()).as(waitedForFailure.toString()).isEqualTo(1);
    assertThat(waitedForFailure.out()).containsPattern("(?m)^state +FAILED$");
    JsonNode error = ctl.result(failed);
    assertThat(error.get("state").asText()).isEqualTo("FAILED");
    assertThat(error.get("attempts").asInt()).isEqualTo(1);
    assertThat(error.get("duration_ms").asLong()).isNotNegative();
    assertThat(error.at("/error/type").asText()).endsWith("ShellExitException");
    assertThat(error.at("/error/message").asText()).contains("exit status 3", "no luck");
    Run humanError = ctl.run("result", failed);
    assertThat(humanError.code()).isZero();
    assertThat(humanError.out())
        .containsPattern("(?m)^attempts +1$")
        .containsPattern("(?m)^duration +\\d")
        .containsPattern("(?m)^error +\\S*ShellExitException: exit status 3");
  }

  @Test
  void cancelOfAPendingDelayedTask() throws Exception {
    Instant submitted = Instant.now();
    String id = ctl.submit("later", "--delay", "1h");
    JsonNode pending = ctl.result(id);
    assertThat(pending.get("state").asText()).isEqualTo("PENDING");
    assertThat(instant(pending, "next_attempt_at"))
        .isBetween(submitted.plus(Duration.ofMinutes(59)), submitted.plus(Duration.ofMinutes(61)));

    Run cancel = ctl.run("cancel", id);

    assertThat(cancel.code()).as(cancel.toString()).isZero();
    assertThat(cancel.out()).contains("CANCELLED");
    daemon.await(task("task.cancelled", id), SOON);
    JsonNode cancelled = ctl.result(id);
    assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.get("attempts").asInt()).isZero();
    assertThat(ctl.run("wait", id, "--timeout", "5s").code()).isEqualTo(1);
    Run again = ctl.run("cancel", id);
    assertThat(again.code()).as("cancelling a finished task is refused").isEqualTo(1);
    assertThat(again.err()).contains("CANCELLED");
    assertThat(daemon.events(task("task.started", id))).isEmpty();
  }

  @Test
  void cancelOfARetryingTask() throws Exception {
    String id = ctl.submit("retry-later");
    JsonNode error = daemon.await(task("task.error", id), SOON);
    assertThat(error.get("will_retry").asBoolean()).isTrue();
    JsonNode retrying = ctl.result(id);
    assertThat(retrying.get("state").asText()).isEqualTo("RETRYING");
    assertThat(instant(retrying, "next_attempt_at"))
        .isAfter(Instant.now().plus(Duration.ofMinutes(59)));

    Run cancel = ctl.run("cancel", id);

    assertThat(cancel.code()).as(cancel.toString()).isZero();
    Run waited = ctl.run("wait", id, "--timeout", "5s");
    assertThat(waited.code()).isEqualTo(1);
    assertThat(waited.out()).containsPattern("(?m)^state +CANCELLED$");
    JsonNode cancelled = ctl.result(id);
    assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.get("attempts").asInt()).isEqualTo(1);
    assertThat(daemon.events(task("task.started", id))).hasSize(1);
  }

  @Test
  void cancelOfARunningShellTaskEndsItsWholeProcessTree() throws Exception {
    String id = ctl.submit("hang");
    daemon.await(task("task.started", id), SOON);
    long session = Sessions.ofJob(daemon.pid(), "hang", SOON);
    Sessions.awaitMembers(session, 3, SOON);
    assertThat(ctl.result(id).get("state").asText()).isEqualTo("RUNNING");

    Run cancel = ctl.run("cancel", id);
    Run waited = ctl.run("wait", id, "--timeout", "15s");

    assertThat(cancel.code()).as(cancel.toString()).isZero();
    assertThat(waited.code()).as(waited.toString()).isEqualTo(1);
    assertThat(ctl.result(id).get("state").asText()).isEqualTo("CANCELLED");
    // CANCELLED is reported at once; the SIGTERM (then SIGKILL) to the group follows on the
    // task's thread, so the tree is gone shortly after, not necessarily before the answer.
    Sessions.awaitGone(session, SOON);
  }

  @Test
  void pauseStopsFiresForTwoIntervalsAndResumeRestartsThem() throws Exception {
    daemon.await(event("task.started", "tick"), SOON);

    Run pause = ctl.run("pause", "tick");
    Instant pausedAt = Instant.now();

    assertThat(pause.code()).as(pause.toString()).isZero();
    assertThat(jobNamed(ctl.json("jobs"), "tick").get("paused").asBoolean()).isTrue();
    // A delayed task 2.5 intervals later marks the end of the quiet period: wait for it, and for
    // its line in the log, so that every line the daemon wrote before it has been read.
    String marker = ctl.submit("echo-args", "marker", "--delay", "2500ms");
    assertThat(ctl.run("wait", marker, "--timeout", "15s").code()).isZero();
    daemon.await(task("task.completed", marker), SOON);
    assertThat(daemon.events(event("task.started", "tick").and(startedAfter(pausedAt))))
        .as("no tick starts while paused")
        .isEmpty();

    Run resume = ctl.run("resume", "tick");
    Instant resumedAt = Instant.now();

    assertThat(resume.code()).as(resume.toString()).isZero();
    assertThat(jobNamed(ctl.json("jobs"), "tick").get("paused").asBoolean()).isFalse();
    daemon.await(2, event("task.started", "tick").and(startedAfter(resumedAt)), SOON);
  }

  @Test
  void reloadPrintsABrokenFilesErrorsWithLineNumbersAndExits1ThenAFixedFileExits0()
      throws Exception {
    String broken =
        JOBS.replace("interval: 1s", "interval: banana")
            + "  - {name: broken, cron: \"61 * * * *\", command: echo never}\n";
    Files.writeString(file, broken);
    int badInterval = lineOf(broken, "interval: banana");
    int badCron = lineOf(broken, "61 * * * *");

    Run rejected = ctl.run("reload");

    assertThat(rejected.code()).as(rejected.toString()).isEqualTo(1);
    assertThat(rejected.out())
        .contains("rejected")
        .contains(file + ":" + badInterval + ":")
        .contains(file + ":" + badCron + ":");
    assertThat(ctl.run("status").out()).contains("rejected");
    daemon.await(event("config.rejected"), SOON);

    Files.writeString(file, JOBS);
    Run accepted = ctl.run("reload");

    assertThat(accepted.code()).as(accepted.toString()).isZero();
    assertThat(accepted.out()).contains("reloaded").contains("6 unchanged");
  }

  @Test
  void statusAndJobsListTheJobs() {
    Run status = ctl.run("status");
    Run jobs = ctl.run("jobs");
    JsonNode json = ctl.json("jobs");

    assertThat(status.code()).as(status.toString()).isZero();
    assertThat(jobs.code()).as(jobs.toString()).isZero();
    List<String> names = List.of("echo-args", "fail", "later", "retry-later", "hang", "tick");
    for (String name : names) {
      assertThat(status.out()).containsPattern("(?m)^" + name + " ");
      assertThat(jobs.out()).containsPattern("(?m)^" + name + " ");
    }
    assertThat(status.out()).contains(file.toString()).containsPattern("tick +every 1s");
    List<String> listed = new ArrayList<>();
    json.forEach(job -> listed.add(job.get("name").asText()));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(names);
    JsonNode statusJson = ctl.json("status");
    assertThat(statusJson.get("pid").asLong()).isEqualTo(daemon.pid());
    assertThat(statusJson.get("jobs")).hasSize(names.size());
  }

  @Test
  void aSocketNobodyListensOnExits3NamingThePath() throws Exception {
    Path missing = dir.resolve("missing.sock");
    Path stale = dir.resolve("stale.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(stale));
    }
    assertThat(stale).exists();

    for (Path socket : List.of(missing, stale)) {
      Run run = new Ctl(socket).run("status");
      assertThat(run.code()).as(run.toString()).isEqualTo(3);
      assertThat(run.err()).contains(socket.toString());
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void theRealProgramInAChildJvmSubmitsWaitsAndExitsWithTheDocumentedCodes() throws Exception {
    String socket = shared.resolve("hypernd.sock").toString();

    Run submit = Ctl.inChildJvm("--socket", socket, "submit", "echo-args", "x y", "z");
    assertThat(submit.code()).as(submit.toString()).isZero();
    assertThat(submit.out()).matches("sched-\\d+\n");
    String id = submit.out().strip();
    Run waited = Ctl.inChildJvm("--socket", socket, "--json", "wait", id, "--timeout", "15s");
    Run unreachable = Ctl.inChildJvm("--socket", dir.resolve("nobody.sock").toString(), "status");

    assertThat(waited.code()).as(waited.toString()).isZero();
    assertThat(waited.json().get("state").asText()).isEqualTo("COMPLETED");
    assertThat(waited.json().get("result").asText()).isEqualTo("x y|z|");
    assertThat(unreachable.code()).as(unreachable.toString()).isEqualTo(3);
    assertThat(unreachable.err()).contains(dir.resolve("nobody.sock").toString());
  }

  @Test
  void metricsAsJsonHaveEveryReferenceKeyWithTheCountsOfAKnownSequence() throws Exception {
    Path own = dir.resolve("jobs.yaml");
    Files.writeString(
        own,
        """
        jobs:
          - {name: ok, once: {}, command: echo ok}
          - name: bad
            once: {}
            command: exit 3
            retry: {max_retries: 1, backoff: 200ms}
          - {name: later, once: {}, command: echo later}
        """);
    try (DaemonProcess metricsDaemon = DaemonProcess.start(own)) {
      metricsDaemon.await(event("daemon.started"), SOON);
      Ctl c = new Ctl(dir.resolve("hypernd.sock"));
      assertThat(c.run("wait", c.submit("ok"), "--timeout", "15s").code()).isZero();
      assertThat(c.run("wait", c.submit("ok"), "--timeout", "15s").code()).isZero();
      assertThat(c.run("wait", c.submit("bad"), "--timeout", "15s").code()).isEqualTo(1);
      assertThat(c.run("cancel", c.submit("later", "--delay", "1h")).code()).isZero();

      JsonNode m = c.json("metrics");

      assertThat(m.fieldNames()).toIterable().containsExactlyElementsOf(MetricsKeys.ALL);
      assertThat(m.get("total_submitted").asLong()).isEqualTo(4);
      assertThat(m.get("total_completed").asLong()).isEqualTo(2);
      assertThat(m.get("total_failed").asLong()).isEqualTo(1);
      assertThat(m.get("total_retried").asLong()).isEqualTo(1);
      assertThat(m.get("total_cancelled").asLong()).isEqualTo(1);
      assertThat(m.get("success_rate").asDouble()).isCloseTo(66.667, within(0.001));
      double avg = m.get("avg_duration_ms").asDouble();
      double p95 = m.get("p95_duration_ms").asDouble();
      double p99 = m.get("p99_duration_ms").asDouble();
      assertThat(avg).isPositive();
      assertThat(p95).isGreaterThanOrEqualTo(avg * 0.99);
      assertThat(p99).isGreaterThanOrEqualTo(p95);
      assertThat(m.get("top_errors")).hasSize(1);
      assertThat(m.at("/top_errors/0/type").asText()).endsWith("ShellExitException");
      assertThat(m.at("/top_errors/0/count").asLong()).as("both failed attempts").isEqualTo(2);
      JsonNode bad = c.json("metrics", "--job", "bad");
      assertThat(bad.get("total_submitted").asLong()).isEqualTo(1);
      assertThat(bad.get("total_failed").asLong()).isEqualTo(1);
      assertThat(bad.get("success_rate").asDouble()).isZero();
      Run human = c.run("metrics");
      assertThat(human.code()).isZero();
      assertThat(human.out()).containsPattern("total_submitted +4").contains("success_rate");
      metricsDaemon.signal("TERM");
      assertThat(metricsDaemon.awaitExit(SOON)).isZero();
    }
  }

  private static Predicate<JsonNode> startedAfter(Instant mark) {
    return e -> instant(e, "started_at").isAfter(mark);
  }

  private static JsonNode jobNamed(JsonNode jobs, String name) {
    for (JsonNode job : jobs) {
      if (job.get("name").asText().equals(name)) {
        return job;
      }
    }
    throw new AssertionError("no job " + name + " in " + jobs);
  }

  private static int lineOf(String text, String fragment) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(fragment)) {
        return i + 1;
      }
    }
    throw new AssertionError(fragment + " is not in the text");
  }
}
