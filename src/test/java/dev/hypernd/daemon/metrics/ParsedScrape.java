package dev.hypernd.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A scrape of a metrics endpoint, parsed by the official Prometheus client for Python ({@code
 * prometheus_client}, Debian package {@code python3-prometheus-client}). The Java client only
 * writes the format, and a parser written for these tests would share their assumptions; this one
 * is the Prometheus project's own, strict for OpenMetrics.
 */
public final class ParsedScrape {
  /** The formats a scraper may ask for, with the Accept header Prometheus sends for each. */
  public enum Format {
    OPENMETRICS("openmetrics", "application/openmetrics-text; version=1.0.0; charset=utf-8"),
    PROMETHEUS("prometheus", "text/plain; version=0.0.4; charset=utf-8");

    final String parserName;
    final String accept;

    Format(String parserName, String accept) {
      this.parserName = parserName;
      this.accept = accept;
    }
  }

  /** One sample: a name, its labels and its value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String text;
  private final String contentType;
  private final Map<String, String> families;
  private final List<Sample> samples;

  private ParsedScrape(
      String text, String contentType, Map<String, String> families, List<Sample> samples) {
    this.text = text;
    this.contentType = contentType;
    this.families = families;
    this.samples = samples;
  }

  /** GETs {@code url} asking for {@code format} and parses the answer as that format. */
  public static ParsedScrape scrape(URI url, Format format) throws Exception {
    return scrape(url, format, format.accept);
  }

  /** GETs {@code url} with {@code accept} and parses the answer as {@code format}. */
  public static ParsedScrape scrape(URI url, Format format, String accept) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(url)
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    return parse(response.body(), contentType, format);
  }

  static ParsedScrape parse(String text, String contentType, Format format) throws Exception {
    Path python = python();
    Path script = Files.createTempFile("parse-prometheus", ".py");
    try {
      try (InputStream in = ParsedScrape.class.getResourceAsStream("/prometheus/parse.py")) {
        Files.write(script, Objects.requireNonNull(in, "parse.py").readAllBytes());
      }
      Process process =
          new ProcessBuilder(python.toString(), script.toString(), format.parserName).start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(text.getBytes(StandardCharsets.UTF_8));
      }
      byte[] out = process.getInputStream().readAllBytes();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue())
          .as("the %s parser rejected the scrape: %s%n--- scrape:%n%s", format, err, text)
          .isZero();
      JsonNode parsed = JSON.readTree(out);
      Map<String, String> families = new HashMap<>();
      parsed
          .get("families")
          .fields()
          .forEachRemaining(e -> families.put(e.getKey(), e.getValue().asText()));
      List<Sample> samples = new ArrayList<>();
      for (JsonNode sample : parsed.get("samples")) {
        Map<String, String> labels = new HashMap<>();
        sample
            .get("labels")
            .fields()
            .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        samples.add(
            new Sample(sample.get("name").asText(), labels, sample.get("value").asDouble()));
      }
      return new ParsedScrape(text, contentType, families, samples);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /**
   * A Python 3 that has {@code prometheus_client}: Debian's {@code /usr/bin/python3} first (where
   * {@code apt-get install python3-prometheus-client} puts it), then {@code python3} on the PATH.
   * Without one the test is skipped with a message, or fails under CI.
   */
  static Path python() throws IOException, InterruptedException {
    List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/python3")));
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "python3"));
      }
    }
    for (Path candidate : candidates) {
      if (Files.isExecutable(candidate)) {
        Process probe =
            new ProcessBuilder(candidate.toString(), "-c", "import prometheus_client")
                .redirectErrorStream(true)
                .start();
        probe.getInputStream().readAllBytes();
        if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
          return candidate;
        }
      }
    }
    String why =
        "no python3 with prometheus_client (Debian package python3-prometheus-client) to parse"
            + " the scrape";
    assertThat("true".equalsIgnoreCase(System.getenv("CI")))
        .as(why + ", and CI must run this test")
        .isFalse();
    System.err.println("SKIPPED: " + why);
    Assumptions.abort(why);
    throw new AssertionError("unreachable");
  }

  /** The raw text that was parsed. */
  public String text() {
    return text;
  }

  public String contentType() {
    return contentType;
  }

  /** The family's type as the parser read it ({@code counter}, {@code histogram}, ...), or null. */
  public String type(String family) {
    return families.get(family);
  }

  public List<Sample> samples() {
    return samples;
  }

  /** Samples named {@code name}. */
  public List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The value of the one sample {@code name} with exactly {@code labels}; fails if absent. */
  public double value(String name, Map<String, String> labels) {
    List<Sample> matching =
        samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).toList();
    assertThat(matching).as("sample %s%s in%n%s", name, labels, text).hasSize(1);
    return matching.get(0).value();
  }

  /** The value of the sample {@code name} whose only label is {@code job_name="<job>"}. */
  public double value(String name, String job) {
    return value(name, Map.of("job_name", job));
  }

  /** Whether any sample {@code name} has the label {@code job_name="<job>"}. */
  public boolean hasJob(String name, String job) {
    return samples.stream()
        .anyMatch(s -> s.name().equals(name) && job.equals(s.labels().get("job_name")));
  }
}
