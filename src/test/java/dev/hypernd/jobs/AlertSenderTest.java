package dev.hypernd.jobs;

import static dev.hypernd.jobs.JobFilesForTests.parse;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.hypernd.engine.TaskEvent;
import dev.hypernd.jobs.shell.HookRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Alerts against a real HTTP server on loopback and a fake {@code sendmail} on PATH. {@code
 * shutdown} drains what was queued, so the tests wait for nothing else.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AlertSenderTest {
  private static final Duration DRAIN = Duration.ofSeconds(30);
  private static final List<Duration> FAST_RETRIES =
      List.of(Duration.ofMillis(10), Duration.ofMillis(10));

  @TempDir Path dir;
  private HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private IntSupplier status = () -> 204;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger senderLog = (Logger) LoggerFactory.getLogger(AlertSender.class);

  private record Received(String method, String body, String authorization, String type) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          synchronized (received) {
            received.add(
                new Received(
                    exchange.getRequestMethod(),
                    body,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type")));
          }
          exchange.sendResponseHeaders(status.getAsInt(), -1);
          exchange.close();
        });
    server.start();
    logged.start();
    senderLog.addAppender(logged);
    senderLog.setLevel(Level.INFO); // alert.sent is INFO; the test configuration logs WARN
  }

  @AfterEach
  void stop() {
    server.stop(0);
    senderLog.detachAppender(logged);
    senderLog.setLevel(null);
  }

  /** A {@code sendmail} on a PATH of its own that runs {@code script}. */
  private Path fakeSendmail(String script) throws IOException {
    Path sendmail = Files.createDirectory(dir.resolve("bin")).resolve("sendmail");
    Files.writeString(sendmail, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(sendmail, PosixFilePermissions.fromString("rwxr-xr-x"));
    return sendmail;
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  private HookDispatcher dispatcher(Map<String, String> env, String alertYaml) {
    HookDispatcher hooks =
        new HookDispatcher(new HookRunner(), new AlertSender(env, FAST_RETRIES, "9.9"));
    hooks.use(
        parse(
            "jobs:\n  - name: j\n    once: {}\n    command: 'false'\n    alert: "
                + alertYaml
                + "\n"));
    return hooks;
  }

  private List<String> logEvents() {
    return logged.list.stream()
        .map(
            e ->
                e.getKeyValuePairs().stream()
                        .filter(kv -> kv.key.equals("event"))
                        .findFirst()
                        .map(kv -> kv.value.toString())
                        .orElse("")
                    + " "
                    + e.getFormattedMessage())
        .toList();
  }

  @Test
  void aFailedTaskPostsItsEventToTheWebhookWithHeadersFromTheEnvironment() throws Exception {
    HookDispatcher hooks =
        dispatcher(
            Map.of("HOOK_TOKEN", "s3cret"),
            "{webhook: \"" + url() + "\", headers: {Authorization: \"Bearer ${HOOK_TOKEN}\"}}");

    hooks.onEvent(TaskEvents.of(TaskEvent.Type.STARTED, "j", 1));
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.ERROR, "j", 1));
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.FAILED, "j", 2));
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.COMPLETED, "j", 3));
    assertThat(hooks.shutdown(DRAIN)).isTrue();

    assertThat(received).hasSize(1); // on: [failure] is the default
    Received post = received.get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.authorization()).isEqualTo("Bearer s3cret");
    assertThat(post.type()).isEqualTo("application/json");
    JsonNode event = new ObjectMapper().readTree(post.body());
    assertThat(event.get("event").asText()).isEqualTo("task.failed");
    assertThat(event.get("job").asText()).isEqualTo("j");
    assertThat(event.get("task_id").asText()).isEqualTo("sched-9");
    assertThat(event.get("error").asText()).isEqualTo("exit status 3");
    assertThat(logEvents()).anyMatch(line -> line.startsWith("alert.sent alert of j sched-9"));
  }

  @Test
  void onNamesTheOutcomesThatSend() throws Exception {
    HookDispatcher hooks =
        dispatcher(Map.of(), "{webhook: \"" + url() + "\", on: [error, success]}");
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.ERROR, "j", 1));
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.FAILED, "j", 2));
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.COMPLETED, "j", 3));
    assertThat(hooks.shutdown(DRAIN)).isTrue();

    assertThat(received)
        .extracting(r -> new ObjectMapper().readTree(r.body()).get("event").asText())
        .containsExactlyInAnyOrder("task.error", "task.completed");
  }

  @Test
  void aServerErrorIsRetriedAndAnEndpointThatKeepsFailingIsLoggedAndChangesNothing()
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    status = () -> calls.incrementAndGet() == 1 ? 503 : 200;
    HookDispatcher hooks = dispatcher(Map.of(), "{webhook: \"" + url() + "\"}");
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.FAILED, "j", 1));
    assertThat(hooks.shutdown(DRAIN)).isTrue();
    assertThat(received).hasSize(2);
    assertThat(logEvents()).anyMatch(line -> line.startsWith("alert.sent"));

    received.clear();
    status = () -> 500;
    HookDispatcher failing = dispatcher(Map.of(), "{webhook: \"" + url() + "\"}");
    failing.onEvent(TaskEvents.of(TaskEvent.Type.FAILED, "j", 1));
    assertThat(failing.shutdown(DRAIN)).isTrue();
    assertThat(received).hasSize(3); // the first attempt and two retries
    assertThat(logEvents())
        .anyMatch(
            line ->
                line.equals(
                    "alert.failed alert of j sched-9 by webhook failed: "
                        + url()
                        + " answered 500 (attempt 3)"));
  }

  @Test
  void aClientErrorIsNotRetriedAndAMissingVariableSendsNothing() throws Exception {
    status = () -> 404;
    HookDispatcher hooks =
        dispatcher(
            Map.of(),
            "{webhook: \""
                + url()
                + "\", headers: {X-Token: \"${NOT_SET}\"}, on: [error, failure]}");
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.FAILED, "j", 1));
    assertThat(hooks.shutdown(DRAIN)).isTrue();
    assertThat(received).isEmpty();
    assertThat(logEvents())
        .contains(
            "alert.failed alert of j sched-9 by webhook failed: not sent: header X-Token names a"
                + " variable that is not set in hypernd's environment");

    HookDispatcher plain = dispatcher(Map.of(), "{webhook: \"" + url() + "\"}");
    plain.onEvent(TaskEvents.of(TaskEvent.Type.FAILED, "j", 1));
    assertThat(plain.shutdown(DRAIN)).isTrue();
    assertThat(received).hasSize(1);
    assertThat(logEvents()).anyMatch(line -> line.endsWith(" answered 404 (attempt 1)"));
  }

  @Test
  void aDeadEndpointIsLoggedAfterItsRetries() throws Exception {
    server.stop(0); // nothing listens on the port any more
    HookDispatcher hooks = dispatcher(Map.of(), "{webhook: \"" + url() + "\"}");
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.FAILED, "j", 1));
    assertThat(hooks.shutdown(DRAIN)).isTrue();
    assertThat(logEvents())
        .anyMatch(line -> line.startsWith("alert.failed") && line.endsWith("(attempt 3)"));
  }

  @Test
  void mailGoesThroughTheSendmailOnPathAsCronsMailtoDoes() throws Exception {
    Path out = dir.resolve("mail.txt");
    Path sendmail = fakeSendmail("echo \"args: $*\" > " + out + "\ncat >> " + out);
    HookDispatcher hooks =
        dispatcher(
            Map.of("PATH", sendmail.getParent() + ":/usr/bin:/bin"), "{mail: ops@example.com}");

    hooks.onEvent(TaskEvents.of(TaskEvent.Type.FAILED, "j", 2));
    assertThat(hooks.shutdown(DRAIN)).isTrue();

    String mail = Files.readString(out);
    assertThat(mail)
        .startsWith("args: -t -oi\nTo: ops@example.com\nSubject: hypernd: j sched-9 failure\n")
        .contains("Auto-Submitted: auto-generated\n")
        .contains("X-Hypernd-Job: j\n")
        .contains("\n\ntask.failed j sched-9: exit status 3\n")
        .contains("\"event\":\"task.failed\"");
    assertThat(logEvents())
        .anyMatch(line -> line.startsWith("alert.sent") && line.endsWith("ops@example.com"));
  }

  @Test
  void aFailingSendmailIsLogged() throws Exception {
    Path sendmail = fakeSendmail("echo 'relay refused' >&2\nexit 75");
    HookDispatcher hooks =
        dispatcher(Map.of("PATH", sendmail.getParent().toString()), "{mail: ops@example.com}");
    hooks.onEvent(TaskEvents.of(TaskEvent.Type.FAILED, "j", 2));
    assertThat(hooks.shutdown(DRAIN)).isTrue();
    assertThat(logEvents())
        .contains(
            "alert.failed alert of j sched-9 by mail failed: "
                + sendmail
                + " exited with status 75: relay refused");
  }

  @Test
  void aSubjectThatIsNotAsciiIsAnEncodedWord() {
    assertThat(Mailer.encodedWord("plain subject")).isEqualTo("plain subject");
    assertThat(Mailer.encodedWord("café\nfailed")).isEqualTo("=?UTF-8?B?Y2Fmw6kgZmFpbGVk?=");
  }
}
