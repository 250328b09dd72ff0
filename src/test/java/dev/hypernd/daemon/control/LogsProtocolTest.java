package dev.hypernd.daemon.control;

import static dev.hypernd.daemon.control.FeedSource.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.control.server.ControlServerOptions;
import dev.hypernd.control.server.RawClient;
import dev.hypernd.fixtures.Poll;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code logs} verb on the wire, its streaming answer included, over a hand-fed source. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LogsProtocolTest {
  @TempDir Path dir;
  private final FeedSource feed = new FeedSource();
  private final CountDownLatch release = new CountDownLatch(1);
  private ControlFixture f;

  @BeforeEach
  void start() throws IOException {
    f = new ControlFixture(dir, ControlServerOptions.defaults(), feed);
    f.scheduler.task("greet", ctx -> "hello");
    f.scheduler.task(
        "slow",
        ctx -> {
          release.await();
          return "done";
        });
    f.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    f.close();
  }

  private JsonNode ask(String line) throws IOException {
    try (RawClient c = new RawClient(f.socket)) {
      return c.ask(line);
    }
  }

  private void awaitState(String id, String state) {
    Poll.until(
        () -> f.scheduler.getResult(id).map(t -> t.state().name().equals(state)).orElse(false));
  }

  @Test
  void aTasksLogsAreItsHeldLinesWithTheTaskAndWhetherAnyAreHeld() throws Exception {
    String held = f.submit("greet");
    String notHeld = f.submit("greet");
    awaitState(notHeld, "COMPLETED");
    feed.held.put(held, List.of(line(held, "greet", "one"), line(held, "greet", "two")));

    JsonNode data = ask("{\"verb\":\"logs\",\"task_id\":\"" + held + "\"}").path("data");
    JsonNode none = ask("{\"verb\":\"logs\",\"task_id\":\"" + notHeld + "\"}").path("data");

    assertThat(data.path("task").path("task_id").asText()).isEqualTo(held);
    assertThat(data.path("held").asBoolean()).isTrue();
    assertThat(data.path("lines")).hasSize(2);
    JsonNode first = data.path("lines").get(0);
    assertThat(first.toString())
        .isEqualTo(
            "{\"task_id\":\""
                + held
                + "\",\"job\":\"greet\",\"attempt\":1,\"stream\":\"stdout\","
                + "\"at\":\"2026-01-05T10:00:00Z\",\"line\":\"one\"}");
    assertThat(none.path("held").asBoolean()).isFalse();
    assertThat(none.path("lines")).isEmpty();
    assertThat(none.path("task").path("result").asText()).isEqualTo("hello");
  }

  @Test
  void aJobsLogsAreItsNewestHeldLines() throws Exception {
    feed.held.put(
        "sched-1",
        List.of(
            line("sched-1", "greet", "a"),
            line("sched-1", "greet", "b"),
            line("sched-1", "greet", "c")));

    JsonNode data = ask("{\"verb\":\"logs\",\"job\":\"greet\",\"limit\":2}").path("data");

    assertThat(data.path("job").asText()).isEqualTo("greet");
    assertThat(data.path("lines"))
        .extracting(l -> l.path("line").asText())
        .containsExactly("b", "c");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"verb\":\"logs\"}|missing_field|not neither",
        "{\"verb\":\"logs\",\"job\":\"greet\",\"task_id\":\"sched-1\"}|bad_request|not both",
        "{\"verb\":\"logs\",\"task_id\":\"sched-99\"}|not_found|sched-99",
        "{\"verb\":\"logs\",\"job\":\"nope\"}|not_found|nope",
        "{\"verb\":\"logs\",\"job\":\"nope\",\"follow\":true}|not_found|nope",
        "{\"verb\":\"logs\",\"task_id\":\"sched-99\",\"follow\":true}|not_found|sched-99",
        "{\"verb\":\"logs\",\"job\":\"greet\",\"follow\":\"yes\"}|bad_request|true or false",
        "{\"verb\":\"logs\",\"job\":\"greet\",\"follow\":true,\"limit\":5}|bad_request|limit",
        "{\"verb\":\"logs\",\"job\":\"greet\",\"limit\":0}|bad_request|between 1 and 10000",
      })
  void badLogsRequestsAreAnsweredWithTheirError(String request, String code, String words)
      throws Exception {
    JsonNode error = ask(request).path("error");

    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("message").asText()).contains(words);
    assertThat(feed.followers()).isZero();
  }

  @Test
  void followingATaskStreamsItsHeldThenNewLinesAndEndsWithTheTask() throws Exception {
    String id = f.submit("slow");
    awaitState(id, "RUNNING");
    feed.held.put(id, List.of(line(id, "slow", "held")));
    try (RawClient c = new RawClient(f.socket)) {
      c.send("{\"verb\":\"logs\",\"task_id\":\"" + id + "\",\"follow\":true,\"id\":7}\n");
      JsonNode first = c.readAnswer();
      Poll.until(() -> feed.followers() == 1);
      feed.push(line(id, "slow", "new"));
      feed.push(line("sched-999", "slow", "another task's"));
      JsonNode second = c.readAnswer();
      release.countDown();
      JsonNode end = c.readAnswer();

      assertThat(first.toString()).startsWith("{\"id\":7,\"ok\":true,\"more\":true,\"data\":{");
      assertThat(first.path("data").path("line").asText()).isEqualTo("held");
      assertThat(second.path("data").path("line").asText()).isEqualTo("new");
      assertThat(end.path("id").asInt()).isEqualTo(7);
      assertThat(end.has("more")).isFalse();
      assertThat(end.path("data").path("task").path("state").asText()).isEqualTo("COMPLETED");
      assertThat(c.ask("{\"verb\":\"status\"}").path("ok").asBoolean())
          .as("the connection is usable after the stream")
          .isTrue();
    }
    assertThat(feed.followers()).isZero();
    assertThat(f.backend.waiting()).isZero();
  }

  @Test
  void followingAFinishedTaskGivesItsLinesAndEndsAtOnce() throws Exception {
    String id = f.submit("greet");
    awaitState(id, "COMPLETED");
    feed.held.put(id, List.of(line(id, "greet", "only")));
    try (RawClient c = new RawClient(f.socket)) {
      c.send("{\"verb\":\"logs\",\"task_id\":\"" + id + "\",\"follow\":true}\n");

      assertThat(c.readAnswer().path("data").path("line").asText()).isEqualTo("only");
      assertThat(c.readAnswer().path("data").path("task").path("state").asText())
          .isEqualTo("COMPLETED");
    }
    assertThat(feed.followers()).isZero();
  }

  /**
   * A client that stops reading: the sender (in the daemon, the thread reading a job's output)
   * never waits for it; what does not fit its bounded queue is dropped and counted, and the count
   * arrives once it reads again, so every line is either delivered or counted.
   */
  @Test
  void aFollowerThatDoesNotReadLosesLinesButNeverHoldsUpTheSender() throws Exception {
    int pushed = 20_000;
    String kilobyte = "x".repeat(1000);
    try (RawClient c = new RawClient(f.socket)) {
      c.send("{\"verb\":\"logs\",\"job\":\"greet\",\"follow\":true}\n");
      Poll.until(() -> feed.followers() == 1);
      for (int i = 0; i < pushed; i++) {
        feed.push(line("sched-1", "greet", kilobyte));
      }

      long delivered = 0;
      long dropped = 0;
      while (delivered + dropped < pushed) {
        JsonNode data = c.readAnswer().path("data");
        if (data.has("dropped")) {
          dropped += data.get("dropped").asLong();
        } else {
          assertThat(data.path("line").asText()).isEqualTo(kilobyte);
          delivered++;
        }
      }

      assertThat(dropped).isPositive();
      assertThat(delivered).isLessThan(pushed);
      assertThat(delivered + dropped).isEqualTo(pushed);
      feed.push(line("sched-1", "greet", "after"));
      assertThat(c.readAnswer().path("data").path("line").asText()).isEqualTo("after");
    }
    Poll.until(() -> feed.followers() == 0);
  }

  @Test
  void aFollowerThatHangsUpIsForgotten() throws Exception {
    try (RawClient c = new RawClient(f.socket)) {
      c.send("{\"verb\":\"logs\",\"job\":\"greet\",\"follow\":true}\n");
      Poll.until(() -> feed.followers() == 1);
    }
    Poll.until(() -> feed.followers() == 0);
    Poll.until(() -> f.server.connectionCount() == 0);
  }

  @Test
  void aStreamThatTheServerStopsEndsWithBusy() throws Exception {
    try (RawClient c = new RawClient(f.socket)) {
      c.send("{\"verb\":\"logs\",\"job\":\"greet\",\"follow\":true,\"id\":\"f\"}\n");
      Poll.until(() -> feed.followers() == 1);
      f.server.close();

      JsonNode end = c.readAnswer();
      assertThat(end.path("id").asText()).isEqualTo("f");
      assertThat(end.path("error").path("code").asText()).isEqualTo("busy");
      assertThat(end.path("error").path("message").asText()).contains("stopping");
    }
    Poll.until(() -> feed.followers() == 0);
  }
}
