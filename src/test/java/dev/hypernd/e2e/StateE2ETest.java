package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static dev.hypernd.e2e.Events.instant;
import static dev.hypernd.e2e.Events.task;
import static dev.hypernd.e2e.Events.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.fixtures.ChildJvm.Run;
import dev.hypernd.fixtures.Poll;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store under the real daemon: {@code kill -9} and restart, a clean restart, a state
 * file it must not touch, and a second daemon that must not start.
 */
@Tag("e2e")
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StateE2ETest {
  private static final Duration SOON = Duration.ofSeconds(15);

  @TempDir Path dir;

  private Path jobFile(Path appended) throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(
        file,
        """
        jobs:
          - name: append              # one line per run: a second run of a task shows
            once: {}
            command: echo "$HYPERN_TASK_ID" >> %s
          - name: later
            once: {}
            command: echo later "$@"
          - name: flaky               # its retry waits an hour
            once: {}
            command: exit 3
            retry: {max_retries: 2, backoff: 1h}
          - name: sleeper             # not retried: a crash while it runs fails it
            once: {}
            command: sleep 1000 & sleep 1000
          - name: phoenix             # retried: the crash fails attempt 1, attempt 2 succeeds
            once: {}
            command: if [ "$HYPERN_ATTEMPT" = 1 ]; then sleep 1000; fi; echo "risen $HYPERN_ATTEMPT"
            retry: {max_retries: 1, backoff: 200ms}
        """
            .formatted(appended));
    return file;
  }

  /** The tasks of the crash test, and what {@code result --json} said of each before the crash. */
  private record BeforeCrash(
      List<String> completed,
      String delayed1,
      String delayed2,
      String retrying,
      String sleeper,
      String phoenix,
      String dueSoon,
      Map<String, JsonNode> results) {
    JsonNode result(String id) {
      return results.get(id);
    }
  }

  @Test
  void afterKillNineNothingIsLostNoCompletedTaskRunsAgainAndIdsAreNotReused() throws Exception {
    Path appended = dir.resolve("appended.txt");
    Path file = jobFile(appended);
    Ctl ctl = new Ctl(dir.resolve("hypernd.sock"));
    BeforeCrash before = crashWithAMixOfTasks(file, ctl);
    List<String> completed = before.completed();
    String delayed1 = before.delayed1();
    String delayed2 = before.delayed2();
    String retrying = before.retrying();
    String sleeper = before.sleeper();
    String phoenix = before.phoenix();
    String dueSoon = before.dueSoon();
    assertThat(Files.readAllLines(appended)).hasSize(3);

    try (DaemonProcess second = DaemonProcess.start(file)) {
      second.await(event("daemon.started"), SOON);

      for (String id : List.of(delayed1, delayed2, retrying)) {
        JsonNode now = ctl.result(id);
        assertThat(now.get("state")).as(id).isEqualTo(before.result(id).get("state"));
        assertThat(now.get("next_attempt_at"))
            .as("%s keeps its planned time", id)
            .isEqualTo(before.result(id).get("next_attempt_at"));
        assertThat(now.get("attempts")).isEqualTo(before.result(id).get("attempts"));
        assertThat(now.get("args")).isEqualTo(before.result(id).get("args"));
      }
      assertThat(ctl.result(retrying).get("state").asText()).isEqualTo("RETRYING");

      Run sleeperWait = ctl.run("wait", sleeper, "--timeout", "15s");
      assertThat(sleeperWait.code()).as(sleeperWait.toString()).isEqualTo(1);
      JsonNode failed = ctl.result(sleeper);
      assertThat(failed.get("state").asText()).isEqualTo("FAILED");
      assertThat(failed.get("attempts").asInt()).isEqualTo(1);
      assertThat(failed.at("/error/message").asText())
          .contains("daemon stopped while attempt 1 was running");

      Run phoenixWait = ctl.run("wait", phoenix, "--timeout", "15s");
      assertThat(phoenixWait.code()).as(phoenixWait.toString()).isZero();
      JsonNode risen = ctl.result(phoenix);
      assertThat(risen.get("attempts").asInt()).isEqualTo(2);
      assertThat(risen.get("result").asText()).isEqualTo("risen 2\n");
      JsonNode interrupted = second.await(task("task.error", phoenix), SOON);
      assertThat(text(interrupted, "error")).contains("daemon stopped while attempt 1 was running");
      assertThat(interrupted.get("will_retry").asBoolean()).isTrue();
      second.await(task("task.completed", phoenix), SOON);

      Run dueWait = ctl.run("wait", dueSoon, "--timeout", "15s");
      assertThat(dueWait.code()).as(dueWait.toString()).isZero();
      JsonNode started = second.await(task("task.started", dueSoon), SOON);
      assertThat(instant(started, "started_at"))
          .as("not before its delay")
          .isAfterOrEqualTo(Instant.parse(before.result(dueSoon).get("next_attempt_at").asText()));
      assertThat(ctl.result(dueSoon).get("attempts").asInt()).isEqualTo(1);

      for (String id : completed) {
        JsonNode done = ctl.result(id);
        assertThat(done).as(id).isEqualTo(before.result(id));
        assertThat(second.events(task("task.started", id))).as("%s runs no more", id).isEmpty();
      }
      assertThat(Files.readAllLines(appended))
          .as("each completed task ran once")
          .containsExactlyElementsOf(completed);

      String next = ctl.submit("later", "after");
      long highest =
          before.results().keySet().stream().mapToLong(StateE2ETest::number).max().orElseThrow();
      assertThat(number(next)).as("ids continue above every earlier id").isGreaterThan(highest);
      for (String id : List.of(delayed2, retrying)) {
        Run cancel = ctl.run("cancel", id);
        assertThat(cancel.code()).as("cancel of recovered %s: %s", id, cancel).isZero();
        assertThat(ctl.result(id).get("state").asText()).isEqualTo("CANCELLED");
      }
      JsonNode metrics = ctl.json("metrics");
      assertThat(metrics.get("total_submitted").asLong()).isEqualTo(10);
      assertThat(metrics.get("total_cancelled").asLong()).isEqualTo(2);
      List<String> listed = new ArrayList<>();
      ctl.json("tasks", "--limit", "100").forEach(t -> listed.add(t.get("task_id").asText()));
      assertThat(listed).containsAll(before.results().keySet()).contains(next);

      second.signal("TERM");
      assertThat(second.awaitExit(SOON)).isZero();
      second.assertEveryLineWasJson();
    }
  }

  @Test
  void aCleanSigtermRestartKeepsResultsAndPendingTasksAndContinuesTheIds() throws Exception {
    Path appended = dir.resolve("appended.txt");
    Path file = jobFile(appended);
    Ctl ctl = new Ctl(dir.resolve("hypernd.sock"));
    Map<String, JsonNode> before = new LinkedHashMap<>();
    try (DaemonProcess first = DaemonProcess.start(file)) {
      first.await(event("daemon.started"), SOON);
      String done = ctl.submit("append");
      assertThat(ctl.run("wait", done, "--timeout", "15s").code()).isZero();
      String retrying = ctl.submit("flaky");
      first.await(task("task.error", retrying), SOON);
      String pending = ctl.submit("later", "x", "--delay", "1h");
      for (String id : List.of(done, retrying, pending)) {
        before.put(id, ctl.result(id));
      }
      first.signal("TERM");
      assertThat(first.awaitExit(SOON)).isZero();
    }

    try (DaemonProcess second = DaemonProcess.start(file)) {
      second.await(event("daemon.started"), SOON);
      for (Map.Entry<String, JsonNode> e : before.entrySet()) {
        assertThat(ctl.result(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
      }
      long last = before.keySet().stream().mapToLong(StateE2ETest::number).max().orElseThrow();

      String next = ctl.submit("later", "y");

      assertThat(number(next)).as("after a clean stop, no gap").isEqualTo(last + 1);
      assertThat(Files.readAllLines(appended)).hasSize(1);
      second.signal("TERM");
      assertThat(second.awaitExit(SOON)).isZero();
    }
  }

  @Test
  void aCorruptOrNewerStateFileStopsTheDaemonWithAMessageNamingItAndIsLeftUntouched()
      throws Exception {
    Path file = jobFile(dir.resolve("appended.txt"));
    Path garbage = dir.resolve("garbage.db");
    Files.write(garbage, "this is not a database\n".repeat(200).getBytes(StandardCharsets.UTF_8));
    Path newer = dir.resolve("newer.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA application_id = " + 0x68797072);
      s.execute("PRAGMA user_version = 99");
      s.execute("CREATE TABLE from_the_future (x INTEGER)");
    }

    for (Path bad : List.of(garbage, newer)) {
      byte[] bytes = Files.readAllBytes(bad);
      try (DaemonProcess daemon = DaemonProcess.start(file, "--state", bad.toString())) {
        int exit = daemon.awaitExit(SOON);

        assertThat(exit).as(daemon.describe()).isNotZero();
        assertThat(daemon.stderr()).contains(bad.toString());
      }
      assertThat(Files.readAllBytes(bad)).as("%s is unchanged", bad).isEqualTo(bytes);
      assertThat(dir.resolve("hypernd.sock")).as("no socket was bound").doesNotExist();
    }
  }

  @Test
  void aSecondDaemonOnTheSameSocketOrStateFileRefusesToStartWhileTheFirstRuns() throws Exception {
    Path file = jobFile(dir.resolve("appended.txt"));
    Path socket = dir.resolve("hypernd.sock");
    Path state = dir.resolve("state.db");
    try (DaemonProcess first = DaemonProcess.start(file)) {
      first.await(event("daemon.started"), SOON);

      try (DaemonProcess sameSocket =
              DaemonProcess.start(file, "--state", dir.resolve("other.db").toString());
          DaemonProcess sameState =
              DaemonProcess.start(file, "--socket", dir.resolve("other.sock").toString())) {
        assertThat(sameSocket.awaitExit(SOON)).isNotZero();
        assertThat(sameState.awaitExit(SOON)).isNotZero();
        assertThat(sameSocket.stderr()).contains("another hypernd", socket.toString());
        assertThat(sameState.stderr()).contains(state.toString(), "in use by another hypernd");
        assertThat(sameSocket.events(line -> line.has("event")))
            .as("a daemon that never started logs no event of a start, config.loaded included")
            .isEmpty();
        assertThat(sameSocket.events(line -> true))
            .singleElement()
            .extracting(line -> line.get("message").asText())
            .asString()
            .startsWith("hypernd cannot start: ")
            .contains(socket.toString());
      }

      Run status = new Ctl(socket).run("--json", "status");
      assertThat(status.code()).as(status.toString()).isZero();
      assertThat(status.json().get("pid").asLong())
          .as("the first still serves")
          .isEqualTo(first.pid());
      first.signal("TERM");
      assertThat(first.awaitExit(SOON)).isZero();
    }
  }

  /**
   * Runs a daemon until it has finished tasks, delayed ones, a waiting retry and two running shell
   * tasks, all committed to the state file; then kills it with SIGKILL.
   */
  private BeforeCrash crashWithAMixOfTasks(Path file, Ctl ctl) throws Exception {
    List<String> completed = new ArrayList<>();
    Map<String, JsonNode> before = new LinkedHashMap<>();
    try (DaemonProcess first = DaemonProcess.start(file)) {
      first.await(event("daemon.started"), SOON);
      for (int i = 0; i < 3; i++) {
        String id = ctl.submit("append");
        assertThat(ctl.run("wait", id, "--timeout", "15s").code()).isZero();
        completed.add(id);
      }
      String delayed1 = ctl.submit("later", "one", "--delay", "1h");
      // A client waiting when the daemon dies is told that it cannot reach it (started early, so
      // that it is waiting by the time of the crash).
      CompletableFuture<Run> waiting =
          CompletableFuture.supplyAsync(() -> ctl.run("wait", delayed1));
      String delayed2 = ctl.submit("later", "two", "--delay", "2h");
      String retrying = ctl.submit("flaky");
      assertThat(first.await(task("task.error", retrying), SOON).get("will_retry").asBoolean())
          .isTrue();
      String sleeper = ctl.submit("sleeper");
      String phoenix = ctl.submit("phoenix");
      first.await(task("task.started", sleeper), SOON);
      first.await(task("task.started", phoenix), SOON);
      long sleeperSession = Sessions.ofJob(first.pid(), "sleeper", SOON);
      long phoenixSession = Sessions.ofJob(first.pid(), "phoenix", SOON);
      Sessions.awaitMembers(sleeperSession, 3, SOON);
      Sessions.awaitMembers(phoenixSession, 2, SOON);
      // Due while the daemon is down (or just after): it runs once, after the restart.
      String dueSoon = ctl.submit("later", "soon", "--delay", "3s");
      for (String id : ids(completed, delayed1, delayed2, retrying, sleeper, phoenix, dueSoon)) {
        before.put(id, ctl.result(id));
      }
      Map<String, String> expected = new LinkedHashMap<>();
      completed.forEach(id -> expected.put(id, "COMPLETED"));
      expected.putAll(
          Map.of(
              delayed1, "PENDING",
              delayed2, "PENDING",
              retrying, "RETRYING",
              sleeper, "RUNNING",
              phoenix, "RUNNING",
              dueSoon, "PENDING"));
      // Saves are group-committed a few milliseconds after they return (the store's documented
      // window); crash once everything above is in the file, as a crash test of what was durable.
      awaitCommitted(dir.resolve("state.db"), expected, 9);

      first.crash();

      assertThat(first.awaitExit(SOON)).as("killed by SIGKILL").isEqualTo(128 + 9);
      Run lostWait = waiting.get(SOON.toSeconds(), TimeUnit.SECONDS);
      assertThat(lostWait.code()).as(lostWait.toString()).isEqualTo(3);
      assertThat(lostWait.err()).contains(dir.resolve("hypernd.sock").toString());
      // What systemd's cgroup would do: the dead daemon's job processes go with it.
      Sessions.killAll(sleeperSession);
      Sessions.killAll(phoenixSession);
      return new BeforeCrash(
          completed, delayed1, delayed2, retrying, sleeper, phoenix, dueSoon, before);
    }
  }

  /** Polls the state file (read-only) until every task has its state and the counters agree. */
  private static void awaitCommitted(Path db, Map<String, String> states, long submitted) {
    Poll.until(
        SOON,
        () -> committed(db),
        seen ->
            seen.states().entrySet().containsAll(states.entrySet())
                && seen.submitted() == submitted,
        seen ->
            "the state file holds "
                + seen.states()
                + " and submitted="
                + seen.submitted()
                + ", expected "
                + states);
  }

  /** Task states and the submitted counter in a state file; empty while it cannot be read. */
  private record Committed(Map<String, String> states, long submitted) {}

  private static Committed committed(Path db) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
        Statement s = c.createStatement()) {
      Map<String, String> states = new LinkedHashMap<>();
      try (var rows = s.executeQuery("SELECT seq, state FROM tasks")) {
        while (rows.next()) {
          states.put("sched-" + rows.getLong(1), rows.getString(2));
        }
      }
      try (var rows = s.executeQuery("SELECT submitted FROM counters WHERE key = '*'")) {
        return new Committed(states, rows.next() ? rows.getLong(1) : -1);
      }
    } catch (SQLException e) {
      // Not created yet, or busy: read again.
      return new Committed(Map.of(), -1);
    }
  }

  private static List<String> ids(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }

  private static long number(String taskId) {
    return Long.parseLong(taskId.substring("sched-".length()));
  }
}
