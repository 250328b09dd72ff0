package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.daemon.metrics.HyperndMetrics;
import dev.hypernd.daemon.metrics.MetricsEndpoint;
import dev.hypernd.daemon.metrics.ParsedScrape;
import dev.hypernd.daemon.metrics.ParsedScrape.Format;
import dev.hypernd.engine.TaskScheduler;
import dev.hypernd.engine.store.InMemoryTaskStore;
import dev.hypernd.jobs.config.ListenAddress;
import dev.hypernd.testing.ManualScheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics endpoint of a daemon whose scheduler is driven by hand: a known sequence of tasks,
 * then a scrape over HTTP parsed by the Prometheus project's own parser, value by value per job.
 */
@Tag("system")
class PrometheusScrapeTest {
  private static final double START = ManualScheduler.START.getEpochSecond();

  @TempDir Path dir;
  private final InMemoryTaskStore store = new InMemoryTaskStore();
  private final ManualScheduler hand = new ManualScheduler(store);
  private Path file;
  private Daemon daemon;
  private MetricsEndpoint endpoint;

  @BeforeEach
  void startADaemonWithMetrics() throws Exception {
    file = dir.resolve("jobs.yaml");
    Files.writeString(
        file,
        """
        jobs:
          - {name: ok, once: {}, command: "true"}
          - {name: flaky, once: {}, command: "exit 3", retry: {max_retries: 1, backoff: 1s}}
          - {name: doomed, once: {}, command: "true"}
          - {name: later, once: {}, command: "true"}
          - {name: stuck, interval: 10s, command: "exit 3", retry: {max_retries: 1, backoff: 1h}}
        """);
    daemon = newDaemon(hand);
    endpoint =
        MetricsEndpoint.start(new ListenAddress("127.0.0.1", 0), HyperndMetrics.register(daemon));
    daemon.start();
  }

  private Daemon newDaemon(ManualScheduler scheduler) {
    return HandDrivenDaemons.create(file, scheduler, store, new RecordingEvents());
  }

  @AfterEach
  void stop() throws Exception {
    endpoint.close();
    daemon.stop("test");
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + endpoint.address().port() + "/metrics");
  }

  /**
   * ok: three successes. flaky: fails, is retried after 1 s and fails for good. doomed: cancelled
   * while it waits. later: waits an hour. stuck: its first fire fails and waits an hour for its
   * retry, so its next two fires are skipped (overlap: skip). Then a broken file is reloaded.
   */
  private void runTheSequence() throws Exception {
    TaskScheduler scheduler = hand.scheduler();
    for (int i = 0; i < 3; i++) {
      scheduler.submit("ok", List.of(), Duration.ZERO);
    }
    scheduler.submit("flaky", List.of(), Duration.ZERO);
    scheduler.cancel(scheduler.submit("doomed", List.of(), Duration.ofHours(1)));
    scheduler.submit("later", List.of(), Duration.ofHours(1));
    hand.tick(Duration.ofSeconds(30));
    Files.writeString(file, "jobs:\n  - {name: ok, interval: 0s, command: 'true'}\n");
    assertThat(daemon.reload()).isInstanceOf(ReloadOutcome.Rejected.class);
  }

  @Test
  void countersGaugesHistogramAndReloadOutcomePerJobInOpenMetrics() throws Exception {
    runTheSequence();

    ParsedScrape m = ParsedScrape.scrape(url(), Format.OPENMETRICS);

    assertThat(m.contentType()).startsWith("application/openmetrics-text");
    assertThat(m.type("hypernd_tasks_submitted")).isEqualTo("counter");
    assertThat(m.type("hypernd_task_duration_seconds")).isEqualTo("histogram");
    assertThat(m.type("hypernd_tasks_running")).isEqualTo("gauge");
    assertThat(m.type("hypernd_last_success_timestamp_seconds")).isEqualTo("gauge");
    assertPerJobValues(m);

    assertThat(m.value("hypernd_config_last_reload_success", Map.of())).isZero();
    assertThat(m.value("hypernd_config_last_reload_timestamp_seconds", Map.of()))
        .isEqualTo(START + 30);
  }

  @Test
  void theSameValuesInThePrometheusTextFormat() throws Exception {
    runTheSequence();

    ParsedScrape m = ParsedScrape.scrape(url(), Format.PROMETHEUS);

    assertThat(m.contentType()).startsWith("text/plain; version=0.0.4");
    assertPerJobValues(m);
  }

  @Test
  void aScraperAskingForProtobufGetsIt() throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(url())
                    .header(
                        "Accept",
                        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
                            + "encoding=delimited;q=0.7,text/plain;version=0.0.4;q=0.3")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.google.protobuf");
    assertThat(response.body()).isNotEmpty();
  }

  @Test
  void beforeAnyTaskTheReloadOutcomeOfTheFirstLoadIsThere() throws Exception {
    ParsedScrape m = ParsedScrape.scrape(url(), Format.PROMETHEUS);

    assertThat(m.value("hypernd_config_last_reload_success", Map.of())).isOne();
    assertThat(m.value("hypernd_config_last_reload_timestamp_seconds", Map.of())).isEqualTo(START);
    assertThat(m.value("hypernd_tasks_submitted_total", "ok")).isZero();
    assertThat(m.hasJob("hypernd_last_success_timestamp_seconds", "ok")).isFalse();
  }

  /** What every exporter of a JVM service carries, and which hypernd a target runs. */
  @Test
  void theClientsJvmAndProcessMetricsAndTheBuildInfo() throws Exception {
    ParsedScrape m = ParsedScrape.scrape(url(), Format.OPENMETRICS);

    assertThat(m.value("hypernd_build_info", Map.of("version", Version.current()))).isOne();
    assertThat(m.type("hypernd_build")).isEqualTo("info");
    assertThat(m.value("process_cpu_seconds_total", Map.of())).isPositive();
    assertThat(m.value("process_resident_memory_bytes", Map.of())).isPositive();
    assertThat(m.value("process_open_fds", Map.of())).isPositive();
    assertThat(m.value("jvm_memory_used_bytes", Map.of("area", "heap"))).isPositive();
    assertThat(m.value("jvm_threads_current", Map.of())).isPositive();
    assertThat(m.samples().stream().map(ParsedScrape.Sample::name))
        .anyMatch(n -> n.startsWith("jvm_gc_collection_seconds"))
        .anyMatch(n -> n.startsWith("jvm_classes_"));
  }

  /** Each job's histogram exists at zero before its first attempt, so rate() sees that one. */
  @Test
  void everyJobsHistogramStartsAtZero() throws Exception {
    ParsedScrape m = ParsedScrape.scrape(url(), Format.PROMETHEUS);

    for (String job : List.of("ok", "flaky", "doomed", "later", "stuck")) {
      assertThat(m.value("hypernd_task_duration_seconds_count", job)).as(job).isZero();
    }
  }

  @Test
  void labelsAreJobNamesOnlyNeverCommands() throws Exception {
    runTheSequence();

    ParsedScrape m = ParsedScrape.scrape(url(), Format.OPENMETRICS);

    assertThat(m.samples().stream().filter(s -> s.name().startsWith("hypernd_")).toList())
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.labels().keySet()).isSubsetOf("job_name", "le", "version"));
    assertThat(m.text()).doesNotContain("exit 3");
  }

  @Test
  void aReloadThatRemovesAJobRemovesItsSeries() throws Exception {
    runTheSequence();
    Files.writeString(file, "jobs:\n  - {name: ok, once: {}, command: 'true'}\n");
    assertThat(daemon.reload()).isInstanceOf(ReloadOutcome.Loaded.class);

    ParsedScrape m = ParsedScrape.scrape(url(), Format.OPENMETRICS);

    assertThat(m.hasJob("hypernd_task_duration_seconds_count", "flaky")).isFalse();
    assertThat(m.hasJob("hypernd_tasks_submitted_total", "flaky")).isFalse();
    assertThat(m.value("hypernd_task_duration_seconds_count", "ok")).isEqualTo(3);
    assertThat(m.value("hypernd_last_success_timestamp_seconds", "ok")).isEqualTo(START);
    assertThat(m.value("hypernd_config_last_reload_success", Map.of())).isOne();
  }

  /**
   * Counters and the duration histogram agree: both count from the daemon's start, as every
   * exporter's do (Prometheus's rate and increase read a restart as a counter reset). The time of
   * the last success is a gauge of a fact, kept across the restart.
   */
  @Test
  void afterARestartCountersAndDurationsBothStartFromZero() throws Exception {
    runTheSequence();
    Files.writeString(file, "jobs:\n  - {name: ok, once: {}, command: 'true'}\n");
    endpoint.close();
    daemon.stop("restart");

    ManualScheduler again = new ManualScheduler(store);
    daemon = newDaemon(again);
    endpoint =
        MetricsEndpoint.start(new ListenAddress("127.0.0.1", 0), HyperndMetrics.register(daemon));
    daemon.start();

    ParsedScrape m = ParsedScrape.scrape(url(), Format.OPENMETRICS);
    assertThat(m.value("hypernd_tasks_completed_total", "ok")).isZero();
    assertThat(m.value("hypernd_tasks_submitted_total", "ok")).isZero();
    assertThat(m.value("hypernd_task_duration_seconds_count", "ok")).isZero();
    assertThat(m.value("hypernd_last_success_timestamp_seconds", "ok")).isEqualTo(START);

    again.scheduler().submit("ok", List.of(), Duration.ZERO);
    m = ParsedScrape.scrape(url(), Format.OPENMETRICS);
    assertThat(m.value("hypernd_tasks_completed_total", "ok")).isEqualTo(1);
    assertThat(m.value("hypernd_task_duration_seconds_count", "ok")).isEqualTo(1);
  }

  @Test
  void aJobAddedByAReloadStartsItsCountersAtZero() throws Exception {
    Files.writeString(
        file, Files.readString(file) + "  - {name: added, once: {}, command: 'true'}\n");
    assertThat(daemon.reload()).isInstanceOf(ReloadOutcome.Loaded.class);

    ParsedScrape m = ParsedScrape.scrape(url(), Format.OPENMETRICS);

    assertThat(m.value("hypernd_tasks_submitted_total", "added")).isZero();
    assertThat(m.value("hypernd_tasks_failed_total", "added")).isZero();
    assertThat(m.value("hypernd_task_duration_seconds_count", "added")).isZero();
  }

  private static void assertPerJobValues(ParsedScrape m) {
    assertThat(m.value("hypernd_tasks_submitted_total", "ok")).isEqualTo(3);
    assertThat(m.value("hypernd_tasks_completed_total", "ok")).isEqualTo(3);
    assertThat(m.value("hypernd_tasks_failed_total", "ok")).isZero();
    assertThat(m.value("hypernd_task_duration_seconds_count", "ok")).isEqualTo(3);
    assertThat(m.value("hypernd_last_success_timestamp_seconds", "ok")).isEqualTo(START);

    assertThat(m.value("hypernd_tasks_submitted_total", "flaky")).isEqualTo(1);
    assertThat(m.value("hypernd_tasks_completed_total", "flaky")).isZero();
    assertThat(m.value("hypernd_tasks_failed_total", "flaky")).isEqualTo(1);
    assertThat(m.value("hypernd_tasks_retried_total", "flaky")).isEqualTo(1);
    assertThat(m.value("hypernd_task_duration_seconds_count", "flaky"))
        .as("both attempts")
        .isEqualTo(2);
    assertThat(
            m.value(
                "hypernd_task_duration_seconds_bucket", Map.of("job_name", "flaky", "le", "+Inf")))
        .isEqualTo(2);
    assertThat(m.hasJob("hypernd_last_success_timestamp_seconds", "flaky")).isFalse();

    assertThat(m.value("hypernd_tasks_cancelled_total", "doomed")).isEqualTo(1);
    assertThat(m.value("hypernd_tasks_pending", "doomed")).isZero();

    assertThat(m.value("hypernd_tasks_pending", "later")).isEqualTo(1);
    assertThat(m.value("hypernd_tasks_running", "later")).isZero();

    assertThat(m.value("hypernd_tasks_submitted_total", "stuck")).isEqualTo(1);
    assertThat(m.value("hypernd_tasks_retried_total", "stuck")).isEqualTo(1);
    assertThat(m.value("hypernd_tasks_skipped_total", "stuck")).isEqualTo(2);
    assertThat(m.value("hypernd_tasks_pending", "stuck")).as("waiting for its retry").isEqualTo(1);
  }
}
