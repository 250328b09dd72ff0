package dev.hypernd.daemon.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.control.ReloadView;
import dev.hypernd.control.server.RawClient;
import dev.hypernd.engine.RetryPolicy;
import dev.hypernd.fixtures.MetricsKeys;
import dev.hypernd.fixtures.Poll;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wire protocol as a script speaking raw JSON lines sees it. */
class ProtocolTest {
  @TempDir Path dir;
  private ControlFixture f;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    f = new ControlFixture(dir);
    f.scheduler.task("greet", ctx -> "hello " + ctx.arg(0));
    f.scheduler.task(
        "broken",
        ctx -> {
          throw new IOException("disk on fire");
        });
    f.scheduler.task(
        "slow",
        ctx -> {
          release.await();
          return "done";
        });
    f.scheduler.task(
        "flaky",
        ctx -> {
          throw new IOException("down");
        },
        RetryPolicy.builder().maxRetries(3).build());
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

  @Test
  void anIdIsEchoedWithTheAnswer() throws IOException {
    JsonNode answer = ask("{\"verb\":\"jobs\",\"id\":{\"n\":7}}");
    assertThat(answer.path("ok").asBoolean()).isTrue();
    assertThat(answer.path("id").path("n").asInt()).isEqualTo(7);
    assertThat(answer.path("data")).hasSize(4);
  }

  @Test
  void aResultCarriesExactlyTheDesignsFieldNames() throws Exception {
    String id = f.submit("greet", "world");
    JsonNode task = awaitFinished(id);
    List<String> names = new ArrayList<>();
    task.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "task_id",
            "task_name",
            "state",
            "result",
            "error",
            "attempts",
            "duration_ms",
            "scheduled_at",
            "started_at",
            "finished_at",
            "next_attempt_at",
            "args");
    assertThat(task.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(task.path("result").asText()).isEqualTo("hello world");
    assertThat(task.path("attempts").asInt()).isEqualTo(1);
    assertThat(task.path("args").get(0).asText()).isEqualTo("world");
    assertThat(task.path("scheduled_at").asText()).isEqualTo("2026-01-05T10:00:00Z");
  }

  @Test
  void aFailedTaskReportsItsErrorTypeAndMessage() throws Exception {
    JsonNode task = awaitFinished(f.submit("broken"));
    assertThat(task.path("state").asText()).isEqualTo("FAILED");
    assertThat(task.path("error").path("type").asText()).isEqualTo("java.io.IOException");
    assertThat(task.path("error").path("message").asText()).isEqualTo("disk on fire");
  }

  @Test
  void metricsHaveEveryReferenceKey() throws IOException {
    JsonNode metrics = ask("{\"verb\":\"metrics\"}").path("data");
    assertThat(metrics.has("total_submitted")).isTrue();
    List<String> names = new ArrayList<>();
    metrics.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyElementsOf(MetricsKeys.ALL);
    assertThat(ask("{\"verb\":\"metrics\",\"job\":\"greet\"}").path("ok").asBoolean()).isTrue();
    assertThat(ask("{\"verb\":\"metrics\",\"job\":\"nope\"}").path("error").path("code").asText())
        .isEqualTo("not_found");
  }

  @Test
  void submitWithArgumentsAndADelayCreatesAPendingTask() throws IOException {
    JsonNode answer =
        ask("{\"verb\":\"submit\",\"job\":\"greet\",\"args\":[\"a\",\"b\"],\"delay_ms\":60000}");
    String id = answer.path("data").path("task_id").asText();
    assertThat(id).startsWith("sched-");
    JsonNode task = ask("{\"verb\":\"result\",\"task_id\":\"" + id + "\"}").path("data");
    assertThat(task.path("state").asText()).isEqualTo("PENDING");
    assertThat(task.path("next_attempt_at").asText()).isEqualTo("2026-01-05T10:01:00Z");
    assertThat(task.path("args").toString()).isEqualTo("[\"a\",\"b\"]");
  }

  @Test
  void cancelOfAFinishedTaskIsABadStateNamingTheState() throws Exception {
    String id = f.submit("greet", "x");
    awaitFinished(id);
    JsonNode error = ask("{\"verb\":\"cancel\",\"task_id\":\"" + id + "\"}").path("error");
    assertThat(error.path("code").asText()).isEqualTo("bad_state");
    assertThat(error.path("message").asText()).contains("COMPLETED");
  }

  @Test
  void aRetryingTaskCanBeCancelled() throws Exception {
    String id = f.submit("flaky");
    awaitState(id, "RETRYING");
    JsonNode task = ask("{\"verb\":\"cancel\",\"task_id\":\"" + id + "\"}").path("data");
    assertThat(task.path("state").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void tasksFilterByJobAndStateAndLimit() throws Exception {
    awaitFinished(f.submit("greet", "1"));
    awaitFinished(f.submit("greet", "2"));
    awaitFinished(f.submit("broken"));
    JsonNode greet = ask("{\"verb\":\"tasks\",\"job\":\"greet\"}").path("data");
    assertThat(greet).hasSize(2);
    JsonNode failed = ask("{\"verb\":\"tasks\",\"state\":\"failed\"}").path("data");
    assertThat(failed).hasSize(1);
    assertThat(ask("{\"verb\":\"tasks\",\"limit\":1}").path("data")).hasSize(1);
  }

  @Test
  void tasksOfAJobThatAReloadRemovedAreStillListed() throws Exception {
    String id = f.submit("greet", "x");
    awaitFinished(id);
    f.scheduler.updateJobs(List.of("greet"), List.of());
    JsonNode tasks = ask("{\"verb\":\"tasks\",\"job\":\"greet\"}").path("data");
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).path("task_id").asText()).isEqualTo(id);
    assertThat(ask("{\"verb\":\"tasks\",\"job\":\"typo\"}").path("error").path("code").asText())
        .isEqualTo("not_found");
  }

  @Test
  void pauseAndResumeAnswerWithTheJob() throws IOException {
    assertThat(
            ask("{\"verb\":\"pause\",\"job\":\"greet\"}").path("data").path("paused").asBoolean())
        .isTrue();
    assertThat(
            ask("{\"verb\":\"resume\",\"job\":\"greet\"}").path("data").path("paused").asBoolean())
        .isFalse();
    assertThat(ask("{\"verb\":\"pause\",\"job\":\"nope\"}").path("error").path("code").asText())
        .isEqualTo("not_found");
  }

  @Test
  void reloadReportsTheHooksOutcome() throws IOException {
    f.nextReload.set(ReloadView.rejected(ControlFixture.START, List.of("jobs.yaml:3:5 bad")));
    JsonNode data = ask("{\"verb\":\"reload\"}").path("data");
    assertThat(data.path("accepted").asBoolean()).isFalse();
    assertThat(data.path("errors").get(0).asText()).isEqualTo("jobs.yaml:3:5 bad");
  }

  @Test
  void waitAnswersWhenTheTaskEnds() throws Exception {
    String id = f.submit("slow");
    try (RawClient c = new RawClient(f.socket)) {
      c.send("{\"verb\":\"wait\",\"task_id\":\"" + id + "\"}\n");
      awaitState(id, "RUNNING");
      release.countDown();
      JsonNode answer = c.readAnswer();
      assertThat(answer.path("data").path("state").asText()).isEqualTo("COMPLETED");
    }
    Poll.until(() -> f.backend.waiting() == 0);
  }

  @Test
  void waitWithATimeoutSaysWhatStateTheTaskIsIn() throws Exception {
    String id = f.submit("slow");
    awaitState(id, "RUNNING");
    JsonNode error = ask("{\"verb\":\"wait\",\"task_id\":\"" + id + "\",\"timeout_ms\":50}");
    assertThat(error.path("error").path("code").asText()).isEqualTo("timeout");
    assertThat(error.path("error").path("message").asText()).contains(id, "RUNNING");
    Poll.until(() -> f.backend.waiting() == 0);
  }

  @Test
  void aClientThatHangsUpDuringAWaitIsForgotten() throws Exception {
    String id = f.submit("slow");
    try (RawClient c = new RawClient(f.socket)) {
      c.send("{\"verb\":\"wait\",\"task_id\":\"" + id + "\"}\n");
      Poll.until(() -> f.backend.waiting() == 1);
    }
    Poll.until(() -> f.backend.waiting() == 0);
    Poll.until(() -> f.server.connectionCount() == 0);
  }

  @Test
  void nextOfAnOnDemandJobIsEmpty() throws IOException {
    JsonNode data = ask("{\"verb\":\"next\",\"job\":\"greet\",\"n\":3}").path("data");
    assertThat(data.path("job").asText()).isEqualTo("greet");
    assertThat(data.path("fires")).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json at all                               | bad_request   | not valid JSON",
        "[1,2,3]                                       | bad_request   | one JSON object",
        "{}                                            | missing_field | verb",
        "{\"verb\":42}                                 | bad_request   | must be a string",
        "{\"verb\":\"frobnicate\"}                     | unknown_verb  | verbs are",
        "{\"verb\":\"result\"}                         | missing_field | task_id",
        "{\"verb\":\"result\",\"task_id\":7}           | bad_request   | must be a string",
        "{\"verb\":\"result\",\"task_id\":\"sched-999\"} | not_found   | sched-999",
        "{\"verb\":\"status\",\"verbose\":true}        | bad_request   | no field \"verbose\"",
        "{\"verb\":\"tasks\",\"state\":\"DONE\"}       | bad_request   | PENDING",
        "{\"verb\":\"tasks\",\"limit\":0}              | bad_request   | between 1 and 1000",
        "{\"verb\":\"submit\",\"job\":\"greet\",\"args\":[1]} | bad_request | args[0]",
        "{\"verb\":\"submit\",\"job\":\"greet\",\"delay_ms\":-1} | bad_request | between",
        "{\"verb\":\"submit\",\"job\":\"nope\"}        | not_found     | nope",
        "{\"verb\":\"status\",\"verb\":\"jobs\"}       | bad_request   | Duplicate field",
      })
  void aBadRequestIsAnsweredAndTheConnectionStaysUsable(String line, String code, String words)
      throws IOException {
    try (RawClient c = new RawClient(f.socket)) {
      JsonNode answer = c.ask(line);
      assertThat(answer.path("ok").asBoolean()).isFalse();
      assertThat(answer.path("error").path("code").asText()).isEqualTo(code);
      assertThat(answer.path("error").path("message").asText()).contains(words);
      assertThat(c.ask("{\"verb\":\"jobs\"}").path("ok").asBoolean()).isTrue();
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws IOException {
    try (RawClient c = new RawClient(f.socket)) {
      StringBuilder batch = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        batch.append("{\"verb\":\"jobs\",\"id\":").append(i).append("}\r\n");
      }
      c.send(batch.toString());
      for (int i = 0; i < 20; i++) {
        assertThat(c.readAnswer().path("id").asInt()).isEqualTo(i);
      }
    }
  }

  @Test
  void aClientThatShutsDownItsSideStillGetsItsAnswer() throws IOException {
    try (RawClient c = new RawClient(f.socket)) {
      c.send("{\"verb\":\"status\"}\n");
      c.shutdownOutput();
      JsonNode answer = c.readAnswer();
      assertThat(answer.path("data").path("version").asText()).isEqualTo("9.9.9-test");
      assertThat(c.readLineOrEnd()).isNull();
    }
  }

  private JsonNode awaitFinished(String id) throws IOException {
    return ask("{\"verb\":\"wait\",\"task_id\":\"" + id + "\",\"timeout_ms\":10000}").path("data");
  }

  private void awaitState(String id, String state) {
    Poll.until(
        () -> f.scheduler.getResult(id).map(t -> t.state().name().equals(state)).orElse(false));
  }
}
