package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon sends a job's alert: a webhook to a server on loopback in the test, a mail
 * through a fake {@code sendmail} on its PATH; a dead webhook changes nothing about the task.
 */
@Tag("e2e")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AlertsE2ETest {
  private static final Duration SOON = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void aFailedTaskIsPostedAndMailedAndADeadWebhookOnlyLogs() throws Exception {
    LinkedBlockingQueue<String> posted = new LinkedBlockingQueue<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          posted.add(
              exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = socket.getLocalPort(); // closed again: nothing listens there
    }
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path mail = dir.resolve("mail.txt");
    Path sendmail = bin.resolve("sendmail");
    Files.writeString(sendmail, "#!/bin/sh\ncat > " + mail + "\n");
    Files.setPosixFilePermissions(sendmail, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path jobFile =
        Files.writeString(
            dir.resolve("jobs.yaml"),
            "jobs:\n"
                + "  - name: broken\n"
                + "    once: {}\n"
                + "    command: 'echo disk full >&2; exit 3'\n"
                + "    alert:\n"
                + "      webhook: http://127.0.0.1:"
                + server.getAddress().getPort()
                + "/hook\n"
                + "      headers: {Authorization: \"Bearer ${HOOK_TOKEN}\"}\n"
                + "      mail: ops@example.com\n"
                + "  - name: unheard\n"
                + "    once: {}\n"
                + "    command: 'exit 4'\n"
                + "    alert: {webhook: \"http://127.0.0.1:"
                + deadPort
                + "/hook\"}\n");
    try (DaemonProcess daemon =
        DaemonProcess.start(
            jobFile,
            List.of(),
            Map.of("HOOK_TOKEN", "s3cret", "PATH", bin + ":" + System.getenv("PATH")))) {
      daemon.await(event("daemon.started"), SOON);
      Ctl ctl = new Ctl(dir.resolve("hypernd.sock"));
      String broken = ctl.submit("broken");
      ctl.submit("unheard");

      String post = posted.poll(SOON.toSeconds(), TimeUnit.SECONDS);
      assertThat(post).startsWith("Bearer s3cret {");
      JsonNode body = new ObjectMapper().readTree(post.substring(post.indexOf('{')));
      assertThat(body.get("event").asText()).isEqualTo("task.failed");
      assertThat(body.get("job").asText()).isEqualTo("broken");
      assertThat(body.get("error").asText()).isEqualTo("exit status 3: disk full");
      daemon.await(
          event("alert.sent", "broken").and(e -> e.get("channel").asText().equals("mail")), SOON);
      assertThat(Files.readString(mail))
          .contains("To: ops@example.com\n")
          .contains("task.failed broken " + broken.strip() + ": exit status 3: disk full");

      // The dead endpoint is retried (1 s, then 5 s) and logged; its task failed as any other.
      JsonNode failed = daemon.await(event("alert.failed", "unheard"), Duration.ofSeconds(60));
      assertThat(failed.get("channel").asText()).isEqualTo("webhook");
      assertThat(failed.get("error").asText()).endsWith("(attempt 3)");
      assertThat(daemon.events(event("task.failed", "unheard"))).hasSize(1);
      assertThat(posted).isEmpty(); // one post for broken, none for the rest
    } finally {
      server.stop(0);
    }
  }
}
