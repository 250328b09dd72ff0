package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static dev.hypernd.e2e.Events.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.daemon.metrics.ParsedScrape;
import dev.hypernd.daemon.metrics.ParsedScrape.Format;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code hypernd run --metrics-listen}: a real daemon's endpoint, scraped while jobs run. */
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
}
