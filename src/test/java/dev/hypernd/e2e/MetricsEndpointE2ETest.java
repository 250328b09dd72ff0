package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static dev.hypernd.e2e.Events.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.daemon.metrics.ParsedScrape;
import dev.hypernd.daemon.metrics.ParsedScrape.Format;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hypernd run --metrics-listen} and the job file's {@code metrics.listen}: a real daemon's
 * endpoint, scraped while jobs run, and moved or closed by reloads.
 */
@Tag("e2e")
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MetricsEndpointE2ETest {
  private static final Duration SOON = Duration.ofSeconds(20);
  private static final Pattern SERVING =
      Pattern.compile("serving Prometheus metrics on (http://\\S+/metrics)");

  @TempDir Path dir;

  @Test
  void aRunningDaemonServesItsJobsMetrics() throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(
        file,
        """
        jobs:
          - {name: hello, interval: 1h, at_start: true, command: echo hello}
          - {name: broken, interval: 1h, at_start: true, command: "exit 7"}
        """);
    try (DaemonProcess daemon =
        DaemonProcess.start(file, "--metrics-listen", "127.0.0.1:0", "--grace", "2s")) {
      JsonNode serving =
          daemon.await(
              e -> text(e, "message") != null && SERVING.matcher(text(e, "message")).find(), SOON);
      daemon.await(event("task.completed", "hello"), SOON);
      daemon.await(event("task.failed", "broken"), SOON);
      Matcher url = SERVING.matcher(text(serving, "message"));
      assertThat(url.find()).isTrue();

      ParsedScrape m = ParsedScrape.scrape(URI.create(url.group(1)), Format.OPENMETRICS);

      assertThat(m.value("hypernd_tasks_completed_total", "hello")).isEqualTo(1);
      assertThat(m.value("hypernd_tasks_failed_total", "broken")).isEqualTo(1);
      assertThat(m.value("hypernd_task_duration_seconds_count", "hello")).isEqualTo(1);
      assertThat(m.value("hypernd_task_duration_seconds_sum", "hello")).isBetween(0.0, 10.0);
      assertThat(m.value("hypernd_last_success_timestamp_seconds", "hello")).isGreaterThan(1.7e9);
      assertThat(m.value("hypernd_config_last_reload_success", Map.of())).isOne();

      daemon.signal("TERM");
      assertThat(daemon.awaitExit(SOON)).isZero();
    }
  }

  @Test
  void aPortInUseStopsTheStartWithExit1AndSaysWhy() throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(file, "jobs:\n  - {name: hello, interval: 1h, command: echo hello}\n");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        DaemonProcess daemon =
            DaemonProcess.start(
                file,
                List.of(),
                Map.of(),
                "--metrics-listen",
                "127.0.0.1:" + taken.getLocalPort())) {
      assertThat(daemon.awaitExit(SOON)).isEqualTo(1);
      assertThat(daemon.stderr())
          .contains("hypernd run: cannot serve metrics on 127.0.0.1:" + taken.getLocalPort());
      assertThat(daemon.events(event("daemon.started"))).isEmpty();
      assertThat(Files.exists(dir.resolve("hypernd.sock"))).isFalse();
    }
  }

  @Test
  void theJobFilesKeyIsServedAndReloadsMoveAndCloseTheListener() throws Exception {
    Path file = dir.resolve("jobs.yaml");
    String jobs = "jobs:\n  - {name: hello, interval: 1h, at_start: true, command: echo hello}\n";
    int first = freePort();
    Files.writeString(file, "metrics:\n  listen: 127.0.0.1:" + first + "\n" + jobs);
    try (DaemonProcess daemon = DaemonProcess.start(file, "--grace", "2s")) {
      daemon.await(message("serving Prometheus metrics on " + url(first)), SOON);
      daemon.await(event("task.completed", "hello"), SOON);
      assertThat(scrape(first)).contains("hypernd_tasks_completed_total{job_name=\"hello\"} 1.0");

      int second = freePort();
      Files.writeString(
          file,
          "metrics:\n  listen: 127.0.0.1:"
              + second
              + "\n"
              + jobs
              + "  - {name: added, interval: 1h, command: echo added}\n");
      daemon.signal("HUP");
      JsonNode loaded =
          daemon.await(event("config.loaded").and(e -> !e.get("initial").asBoolean()), SOON);
      daemon.await(message("stopped serving Prometheus metrics on " + url(first)), SOON);

      assertThat(loaded.get("added").asInt()).isEqualTo(1);
      assertThat(daemon.events(message("serving Prometheus metrics on " + url(second)))).hasSize(1);
      assertThat(scrape(second)).contains("hypernd_tasks_completed_total{job_name=\"hello\"} 1.0");
      assertRefused(first);

      Files.writeString(file, jobs);
      assertThat(new Ctl(dir.resolve("hypernd.sock")).run("reload").code()).isZero();
      daemon.await(
          message(
              "stopped serving Prometheus metrics on "
                  + url(second)
                  + ": "
                  + file
                  + " has no metrics.listen"),
          SOON);
      assertRefused(second);

      daemon.signal("TERM");
      assertThat(daemon.awaitExit(SOON)).isZero();
      assertThat(daemon.events(e -> "ERROR".equals(text(e, "level")))).isEmpty();
    }
  }

  @Test
  void theEnvironmentWinsOverTheJobFile() throws Exception {
    Path file = dir.resolve("jobs.yaml");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // Were the file's address used, the daemon could not start.
      String fileAddress = "127.0.0.1:" + taken.getLocalPort();
      Files.writeString(
          file,
          "metrics:\n  listen: "
              + fileAddress
              + "\njobs:\n  - {name: hello, interval: 1h, command: echo hello}\n");
      try (DaemonProcess daemon =
          DaemonProcess.start(
              file, List.of(), Map.of("HYPERND_METRICS_LISTEN", "127.0.0.1:0"), "--grace", "2s")) {
        JsonNode serving =
            daemon.await(
                e -> text(e, "message") != null && SERVING.matcher(text(e, "message")).find(),
                SOON);
        daemon.await(event("daemon.started"), SOON);

        assertThat(
                daemon.events(
                    message(
                        "metrics.listen "
                            + fileAddress
                            + " in "
                            + file
                            + " is not used: HYPERND_METRICS_LISTEN sets 127.0.0.1:0")))
            .hasSize(1);
        Matcher url = SERVING.matcher(text(serving, "message"));
        assertThat(url.find()).isTrue();
        assertThat(HTTP.send(get(URI.create(url.group(1))), BODY).statusCode()).isEqualTo(200);

        daemon.signal("TERM");
        assertThat(daemon.awaitExit(SOON)).isZero();
      }
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final HttpResponse.BodyHandler<String> BODY = HttpResponse.BodyHandlers.ofString();

  private static Predicate<JsonNode> message(String text) {
    return e -> text.equals(text(e, "message"));
  }

  private static String url(int port) {
    return "http://127.0.0.1:" + port + "/metrics";
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).header("Accept", "text/plain").build();
  }

  private static String scrape(int port) throws Exception {
    HttpResponse<String> response = HTTP.send(get(URI.create(url(port))), BODY);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static void assertRefused(int port) {
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .as("nothing listens on port %d any more", port)
        .isInstanceOf(ConnectException.class);
  }

  /** A port nothing listens on now; the daemon binds it moments later. */
  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
