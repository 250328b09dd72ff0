package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "submit",
    description =
        "Create a task of JOB with positional arguments and print its id. Put -- before"
            + " arguments that start with a dash.")
final class SubmitCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "JOB", description = "The job's name.")
  String job;

  @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments for the task.")
  List<String> args = List.of();

  @Option(
      names = "--delay",
      paramLabel = "DURATION",
      converter = DurationText.class,
      description = "Run it after this long: 30s, 5m, 1h30m (default: now).")
  Duration delay;

  @Override
  Map<String, Object> request() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("verb", "submit");
    r.put("job", job);
    r.put("args", args);
    if (delay != null) {
      r.put("delay_ms", delay.toMillis());
    }
    return r;
  }

  @Override
  void print(JsonNode data, Printer p) {
    p.line(data.path("task_id").asText());
  }
}
