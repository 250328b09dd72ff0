package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "metrics",
    description =
        "Show the metrics (total_submitted, total_completed, …, success_rate, top_errors) for all"
            + " jobs or one.")
final class MetricsCommand extends BaseCommand {
  private static final int LABEL_WIDTH = 17;

  @Option(names = "--job", paramLabel = "JOB", description = "Only this job's metrics.")
  String job;

  @Override
  Map<String, Object> request() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("verb", "metrics");
    if (job != null) {
      r.put("job", job);
    }
    return r;
  }

  @Override
  void print(JsonNode data, Printer p) {
    data.fields()
        .forEachRemaining(e -> p.field(e.getKey(), value(e.getKey(), e.getValue()), LABEL_WIDTH));
  }

  private static String value(String key, JsonNode v) {
    if (key.equals("top_errors")) {
      List<String> errors = new ArrayList<>();
      v.forEach(e -> errors.add(e.path("type").asText() + " ×" + e.path("count").asText()));
      return errors.isEmpty() ? "-" : String.join(", ", errors);
    }
    if (v.isFloatingPointNumber()) {
      String rounded = String.format(java.util.Locale.ROOT, "%.1f", v.doubleValue());
      return key.equals("success_rate") ? rounded + "%" : rounded;
    }
    return v.asText();
  }
}
