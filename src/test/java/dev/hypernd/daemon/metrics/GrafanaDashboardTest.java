package dev.hypernd.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypernd.daemon.ReloadOutcome;
import dev.hypernd.engine.TaskEvent;
import dev.hypernd.engine.TaskScheduler;
import dev.hypernd.jobs.ReloadDiff;
import dev.hypernd.jobs.config.ListenAddress;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code packaging/grafana-hypernd.json} is strict, well-formed JSON that Grafana can import, and
 * every metric its queries use is one the daemon serves.
 */
class GrafanaDashboardTest {
  private static final Path DASHBOARD = Path.of("packaging", "grafana-hypernd.json");
  private static final Pattern METRIC = Pattern.compile("\\bhypernd_[a-z_]+");

  private static JsonNode dashboard() throws Exception {
    ObjectMapper strict =
        new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    return strict.readTree(Files.readString(DASHBOARD));
  }

  private static List<String> expressions(JsonNode dashboard) {
    List<String> exprs = new ArrayList<>();
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        exprs.add(target.get("expr").asText());
      }
    }
    for (JsonNode variable : dashboard.at("/templating/list")) {
      exprs.add(variable.get("definition").asText());
    }
    return exprs;
  }

  @Test
  void isAnImportableDashboard() throws Exception {
    JsonNode d = dashboard();

    assertThat(d.get("title").asText()).isEqualTo("hypernd");
    assertThat(d.get("uid").asText()).isNotBlank();
    assertThat(d.get("schemaVersion").asInt()).isPositive();
    assertThat(d.at("/__inputs/0/pluginId").asText()).isEqualTo("prometheus");
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : d.get("panels")) {
      assertThat(ids.add(panel.get("id").asInt()))
          .as("unique panel id %s", panel.get("id"))
          .isTrue();
      assertThat(panel.get("title").asText()).isNotBlank();
      assertThat(panel.get("gridPos").get("w").asInt()).isBetween(1, 24);
      assertThat(panel.get("targets")).isNotEmpty();
      assertThat(panel.at("/datasource/uid").asText()).isEqualTo("${DS_PROMETHEUS}");
    }
  }

  @Test
  void showsWhatTheIssueAsksFor() throws Exception {
    String all = String.join("\n", expressions(dashboard()));

    assertThat(all)
        .contains(
            "rate(hypernd_tasks_completed_total",
            "rate(hypernd_tasks_failed_total",
            "histogram_quantile(0.95, sum by (job_name, le) (rate(hypernd_task_duration_seconds_bucket",
            "hypernd_tasks_running",
            "hypernd_tasks_pending",
            "time() - max by (job_name) (hypernd_last_success_timestamp_seconds",
            "hypernd_config_last_reload_success");
  }

  /**
   * The daemon's per-job label is {@code job_name}; {@code job} is the scrape job Prometheus
   * attaches to every target, so a query, legend or variable on it would not be hypernd's job.
   */
  @Test
  void selectsAndGroupsByJobNameNeverByPrometheusJobLabel() throws Exception {
    JsonNode d = dashboard();
    List<String> texts = new ArrayList<>(expressions(d));
    for (JsonNode panel : d.get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        texts.add(target.path("legendFormat").asText());
      }
    }
    for (JsonNode variable : d.at("/templating/list")) {
      texts.add(variable.get("name").asText());
      texts.add(variable.at("/query/query").asText());
    }
    Pattern bareJob = Pattern.compile("\\bjob\\b");
    assertThat(texts).noneMatch(text -> bareJob.matcher(text).find());
    assertThat(String.join("\n", texts))
        .contains("job_name=~\"$job_name\"", "sum by (job_name)", "{{job_name}}");
  }

  @Test
  void everyMetricItQueriesIsServedAndRatesAreOnlyTakenOfCounters() throws Exception {
    Set<String> served = servedSampleNames();
    for (String expr : expressions(dashboard())) {
      Matcher metric = METRIC.matcher(expr);
      while (metric.find()) {
        assertThat(served).as("metric in %s", expr).contains(metric.group());
      }
      Matcher rate = Pattern.compile("(?:rate|increase)\\((hypernd_[a-z_]+)").matcher(expr);
      while (rate.find()) {
        assertThat(rate.group(1)).as(expr).matches(".*(_total|_bucket)");
      }
    }
  }

  /** The sample names a daemon's endpoint serves once one task of each outcome has happened. */
  private static Set<String> servedSampleNames() throws Exception {
    TaskScheduler scheduler = TaskScheduler.builder().periodicClassLoader(null).build();
    scheduler.task("job", ctx -> null);
    PrometheusRegistry registry = new PrometheusRegistry();
    SchedulerMetrics.register(new JobSnapshots(scheduler), registry);
    new TaskCounters(registry).seed(scheduler);
    TaskEventMetrics events = new TaskEventMetrics(registry);
    ReloadMetrics.register(
        () ->
            new ReloadOutcome.Loaded(
                Path.of("jobs.yaml"),
                Instant.EPOCH,
                1,
                new ReloadDiff(List.of("job"), List.of(), List.of(), List.of()),
                1,
                false),
        registry);
    events.onEvent(
        new TaskEvent(
            TaskEvent.Type.COMPLETED,
            Instant.EPOCH,
            "job",
            "sched-1",
            1,
            Instant.EPOCH,
            Instant.EPOCH,
            0,
            5,
            null,
            false,
            0,
            null,
            List.of()));
    try (MetricsEndpoint endpoint =
        MetricsEndpoint.start(new ListenAddress("127.0.0.1", 0), registry)) {
      String text =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + endpoint.address().port() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Set<String> names = new HashSet<>();
      text.lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
      return names;
    } finally {
      scheduler.close();
    }
  }
}
