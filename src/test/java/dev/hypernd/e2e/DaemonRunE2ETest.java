package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.between;
import static dev.hypernd.e2e.Events.event;
import static dev.hypernd.e2e.Events.instant;
import static dev.hypernd.e2e.Events.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.jobs.config.ExampleJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon runs jobs: interval (shell and Java), cron, retries with backoff, the shipped example.
 *
 * <p>The cron daemon starts before the other tests and is checked last, so that its wait for the
 * next minute overlaps them instead of adding up to a minute to the suite.
 */
@Tag("e2e")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonRunE2ETest {
  private static final Duration SOON = Duration.ofSeconds(15);

  @TempDir static Path shared;
  @TempDir Path dir;
  private static DaemonProcess cron;

  @BeforeAll
  static void startTheCronDaemon() throws Exception {
    Path file = shared.resolve("cron.yaml");
    Files.writeString(
        file,
        """
        jobs:
          - name: minutely
            cron: "* * * * *"
            timezone: UTC
            command: echo "cron fired"
        """);
    cron = DaemonProcess.start(file);
  }

  @AfterAll
  static void stopTheCronDaemon() throws Exception {
    cron.close();
  }

  private Path file(String yaml) throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  /** SIGTERM: the stop is logged first, then the control socket closes, then the daemon exits. */
  private static void stop(DaemonProcess daemon) throws Exception {
    daemon.signal("TERM");
    assertThat(daemon.awaitExit(SOON)).as("exit code after SIGTERM").isZero();
    daemon.assertEveryLineWasJson();
    JsonNode stopping = daemon.await(event("daemon.stopping"), SOON);
    JsonNode closed =
        daemon.await(
            line -> text(line, "message").matches("control socket .* closed"), Duration.ZERO);
    assertThat(daemon.position(closed))
        .as("the socket closes once the stop is logged")
        .isGreaterThan(daemon.position(stopping));
  }

  @Test
  @Order(1)
  void intervalJobsFireRepeatedlyAtAFixedRate() throws Exception {
    try (DaemonProcess daemon =
        DaemonProcess.start(
            file(
                """
                jobs:
                  - name: tick
                    interval: 1s
                    command: echo "tick $HYPERN_TASK_ID attempt $HYPERN_ATTEMPT"
                  - name: hello
                    interval: 1s
                    class: dev.hypernd.examples.HelloJob
                """))) {
      List<JsonNode> ticks = daemon.await(3, event("task.completed", "tick"), SOON);
      JsonNode hello = daemon.await(event("task.completed", "hello"), SOON);

      for (int i = 1; i < ticks.size(); i++) {
        assertThat(between(ticks.get(i - 1), "scheduled_at", ticks.get(i), "scheduled_at"))
            .as("fixed rate, no drift")
            .isEqualTo(Duration.ofSeconds(1));
      }
      assertThat(text(ticks.get(0), "result")).matches("tick sched-\\d+ attempt 1\n");
      assertThat(text(hello, "result")).startsWith("hello from hello (sched-");
      JsonNode started = daemon.await(event("task.started", "tick"), SOON);
      assertThat(started.get("lateness_ms").isNumber()).isTrue();
      assertThat(started.has("@timestamp") && started.has("level")).isTrue();
      assertThat(daemon.events(event("daemon.started"))).hasSize(1);
      stop(daemon);
    }
  }

  @Test
  @Order(2)
  void aFailingCommandIsRetriedWithTheBackoffAndEndsFailed() throws Exception {
    try (DaemonProcess daemon =
        DaemonProcess.start(
            file(
                """
                jobs:
                  - name: broken
                    once: {at_start: true}
                    command: echo "attempt $HYPERN_ATTEMPT" >&2; exit 3
                    retry: {max_retries: 2, backoff: 400ms, backoff_factor: 2, retry_on: [3]}
                """))) {
      JsonNode failed = daemon.await(event("task.failed", "broken"), SOON);
      List<JsonNode> errors = daemon.events(event("task.error", "broken"));
      List<JsonNode> starts = daemon.events(event("task.started", "broken"));

      assertThat(failed.get("attempt").asInt()).isEqualTo(3);
      assertThat(text(failed, "error")).isEqualTo("exit status 3: attempt 3");
      assertThat(errors).extracting(e -> e.get("attempt").asInt()).containsExactly(1, 2, 3);
      assertThat(errors)
          .extracting(e -> e.get("will_retry").asBoolean())
          .containsExactly(true, true, false);
      assertThat(errors.get(0).get("retry_in_ms").asLong()).isEqualTo(400);
      assertThat(errors.get(1).get("retry_in_ms").asLong()).isEqualTo(800);
      assertThat(errors.get(2).has("retry_in_ms")).isFalse();
      for (int retry = 0; retry < 2; retry++) {
        Duration waited =
            between(errors.get(retry), "@timestamp", starts.get(retry + 1), "started_at");
        long backoff = errors.get(retry).get("retry_in_ms").asLong();
        assertThat(waited)
            .isBetween(Duration.ofMillis(backoff - 20), Duration.ofMillis(backoff + 1000));
      }
      stop(daemon);
    }
  }

  @Test
  @Order(3)
  void theShippedExampleRunsAsIsAndStopsOnSigint() throws Exception {
    Path example = Path.of("jobs.example.yaml").toAbsolutePath();
    try (DaemonProcess daemon =
        DaemonProcess.start(
            example,
            List.of(),
            Map.of("TMPDIR", dir.toString()),
            // Not beside the example, which is in the work tree: a state file there would be
            // resumed by the next run and show up in git status.
            "--state",
            dir.resolve("state.db").toString(),
            "--socket",
            dir.resolve("hypernd.sock").toString())) {
      daemon.await(event("task.completed", "heartbeat"), SOON);
      daemon.await(event("task.completed", "warm-up"), SOON);
      JsonNode flaky = daemon.await(event("task.completed", "flaky"), Duration.ofSeconds(30));
      JsonNode slow = daemon.await(event("task.completed", "slow"), Duration.ofSeconds(30));
      daemon.await(event("task.completed", "hello-java"), Duration.ofSeconds(45));

      assertThat(flaky.get("attempt").asInt()).isEqualTo(3);
      assertThat(daemon.events(event("task.error", "flaky"))).hasSize(2);
      assertThat(slow.get("attempt").asInt()).isEqualTo(2);
      assertThat(text(slow, "result")).isEqualTo("attempt 2 finished within the timeout\n");
      assertThat(daemon.events(event("task.failed"))).as("no job of the example fails").isEmpty();
      Map<String, String> comments = ExampleJobs.comments();
      assertThat(daemon.events(event("task.error")))
          .as("only a job whose comment says so has failed attempts")
          .allSatisfy(e -> assertThat(comments.get(text(e, "job"))).contains("on purpose"));
      daemon.signal("INT");
      assertThat(daemon.awaitExit(SOON)).isZero();
      daemon.assertEveryLineWasJson();
    }
  }

  @Test
  @Order(4)
  void aCronJobFiresAtTheNextMinute() throws Exception {
    JsonNode fired = cron.await(event("task.completed", "minutely"), Duration.ofSeconds(75));

    Instant due = instant(fired, "scheduled_at");
    assertThat(due.getEpochSecond() % 60).isZero();
    assertThat(due.getNano()).isZero();
    assertThat(text(fired, "result")).isEqualTo("cron fired\n");
    stop(cron);
  }
}
