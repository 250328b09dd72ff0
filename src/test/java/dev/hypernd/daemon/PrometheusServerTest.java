package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypernd.cli.CliContext;
import dev.hypernd.cli.HypernctlMain;
import dev.hypernd.control.server.ControlServer;
import dev.hypernd.daemon.metrics.HyperndMetrics;
import dev.hypernd.daemon.metrics.MetricsEndpoint;
import dev.hypernd.engine.store.InMemoryTaskStore;
import dev.hypernd.jobs.config.ListenAddress;
import dev.hypernd.packaging.Tools;
import dev.hypernd.testing.ManualScheduler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's real Prometheus, on loopback, scrapes a daemon whose job {@code twelve} ran attempts of
 * 12.0 to 12.2 s: the Grafana dashboard's own p95 query, asked of Prometheus, is within 10% of the
 * p95 that {@code hypernctl metrics} reports, and {@code promtool check metrics} has nothing to say
 * about what the daemon serves.
 *
 * <p>The scheduler is driven by hand: each attempt's body moves the scheduler's clock on by its
 * duration, so the engine's percentiles and the Prometheus histogram both measure 12 s attempts,
 * exactly as they measure real ones, in milliseconds of test time. Needs Debian's {@code
 * prometheus} package (prometheus and promtool).
 */
@Tag("system")
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PrometheusServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final Path DASHBOARD = Path.of("packaging", "grafana-hypernd.json");
  private static final int ATTEMPTS = 100;

  @TempDir Path dir;
  private final ManualScheduler hand = new ManualScheduler();
  private Daemon daemon;
  private MetricsEndpoint endpoint;
  private ControlServer control;
  private Process prometheus;

  @AfterEach
  void stop() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly();
      }
    }
    if (control != null) {
      control.close();
    }
    if (endpoint != null) {
      endpoint.close();
    }
    if (daemon != null) {
      daemon.stop("test");
    }
  }

  @Test
  void theDashboardsP95OfA12SecondJobIsWithin10PercentOfHypernctlsAndPromtoolIsContent()
      throws Exception {
    Path server = Tools.require("prometheus", "prometheus");
    Path promtool = Tools.require("promtool", "prometheus");
    startDaemon();
    URI prom = startPrometheus(server);

    // Scraped once with the job's histogram at zero: rate() will count every attempt.
    String count = "hypernd_task_duration_seconds_count{job_name=\"twelve\"}";
    awaitQuery(prom, count, value -> value == 0);
    Random random = new Random(12);
    for (int i = 0; i < ATTEMPTS; i++) {
      hand.scheduler().submit("twelve", List.of(12_000 + random.nextInt(201)), Duration.ZERO);
      hand.tick(Duration.ZERO);
    }
    awaitQuery(prom, count, value -> value == ATTEMPTS);

    double hypernctl = hypernctlP95Seconds();
    double dashboard = awaitQuery(prom, dashboardP95("twelve"), value -> !Double.isNaN(value));
    System.out.printf(
        "p95 of %d attempts of 12.0-12.2 s: hypernctl metrics %.3f s, dashboard %.3f s (%+.1f%%)%n",
        ATTEMPTS, hypernctl, dashboard, 100 * (dashboard - hypernctl) / hypernctl);
    assertThat(hypernctl).as("HdrHistogram, to its precision").isBetween(12.0, 12.3);
    assertThat(Math.abs(dashboard - hypernctl) / hypernctl).isLessThanOrEqualTo(0.10);

    String scrape = get(URI.create("http://127.0.0.1:" + endpoint.address().port() + "/metrics"));
    assertThat(scrape).contains("hypernd_build_info", "jvm_memory_used_bytes", "process_open_fds");
    Path scraped = Files.writeString(dir.resolve("scrape.txt"), scrape);
    Tools.Run check =
        Tools.run(
            List.of(
                "sh",
                "-c",
                "\"$0\" check metrics <\"$1\"",
                promtool.toString(),
                scraped.toString()),
            dir,
            Map.of());
    assertThat(check.output()).as("promtool check metrics").isEmpty();
    assertThat(check.exitCode()).isZero();
  }

  /**
   * A daemon with the metrics endpoint and the control socket, and an on-demand job {@code twelve}
   * whose attempt lasts as many milliseconds of the scheduler's clock as its argument says.
   */
  private void startDaemon() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("jobs.yaml"), "jobs:\n  - {name: idle, once: {}, command: 'true'}\n");
    daemon = HandDrivenDaemons.create(file, hand, new InMemoryTaskStore(), new RecordingEvents());
    daemon.start();
    hand.scheduler()
        .task(
            "twelve",
            ctx -> {
              hand.clock().advance(Duration.ofMillis(((Number) ctx.args().get(0)).longValue()));
              return null;
            });
    endpoint =
        MetricsEndpoint.start(new ListenAddress("127.0.0.1", 0), HyperndMetrics.register(daemon));
    control = DaemonControl.server(daemon, dir.resolve("hypernd.sock"));
    control.start();
  }

  /** Prometheus scraping the endpoint every second, its API on a free loopback port. */
  private URI startPrometheus(Path binary) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path config =
        Files.writeString(
            dir.resolve("prometheus.yml"),
            "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                + "scrape_configs:\n  - job_name: hypernd\n    static_configs:\n"
                + "      - targets: ['127.0.0.1:"
                + endpoint.address().port()
                + "']\n");
    prometheus =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    URI url = URI.create("http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (true) {
      assertThat(prometheus.isAlive()).as(log()).isTrue();
      try {
        HttpResponse<String> ready =
            HTTP.send(
                HttpRequest.newBuilder(url.resolve("/-/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return url;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      assertThat(System.nanoTime()).as("Prometheus ready within " + DEADLINE).isLessThan(deadline);
      prometheus.waitFor(100, TimeUnit.MILLISECONDS);
    }
  }

  /** The dashboard's p95 panel query, for one job, over the last five minutes. */
  private static String dashboardP95(String job) throws IOException {
    JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
    String expr =
        dashboard.findValues("expr").stream()
            .map(JsonNode::asText)
            .filter(e -> e.startsWith("histogram_quantile(0.95"))
            .findFirst()
            .orElseThrow();
    return expr.replace("$instance", ".*")
        .replace("$job_name", job)
        .replace("$__rate_interval", "5m");
  }

  /** {@code p95_duration_ms} of {@code hypernctl metrics --job twelve --json}, in seconds. */
  private double hypernctlP95Seconds() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var ctl =
        HypernctlMain.commandLine(
            new CliContext(
                Map.of("HYPERND_SOCKET", dir.resolve("hypernd.sock").toString()), false, null));
    ctl.setOut(new PrintWriter(out, true));
    ctl.setErr(new PrintWriter(err, true));
    assertThat(ctl.execute("metrics", "--job", "twelve", "--json")).as(err.toString()).isZero();
    return JSON.readTree(out.toString()).path("p95_duration_ms").asDouble() / 1000;
  }

  /**
   * Asks Prometheus {@code query} until its one result satisfies {@code done} (the scrapes are a
   * second apart), and returns that value.
   */
  private double awaitQuery(URI prom, String query, DoublePredicate done) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    String last = "";
    while (true) {
      assertThat(prometheus.isAlive()).as(log()).isTrue();
      last =
          get(
              prom.resolve(
                  "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
      JsonNode result = JSON.readTree(last).path("data").path("result");
      if (result.size() == 1) {
        double value = Double.parseDouble(result.get(0).path("value").get(1).asText());
        if (done.test(value)) {
          return value;
        }
      }
      assertThat(System.nanoTime())
          .as("Prometheus answered " + query + " with " + last + " until the deadline\n" + log())
          .isLessThan(deadline);
      prometheus.waitFor(200, TimeUnit.MILLISECONDS);
    }
  }

  private static String get(URI url) throws Exception {
    HttpResponse<String> response =
        HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private String log() {
    try {
      return "prometheus.log:\n" + Files.readString(dir.resolve("prometheus.log"));
    } catch (IOException e) {
      return "no prometheus.log: " + e;
    }
  }
}
