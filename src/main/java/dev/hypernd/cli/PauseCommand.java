package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "pause",
    description = "Stop a job's fires until it is resumed; running tasks carry on.")
final class PauseCommand extends BaseCommand {
  @Parameters(paramLabel = "JOB", description = "The job's name.")
  String job;

  @Override
  Map<String, Object> request() {
    return Map.of("verb", "pause", "job", job);
  }

  @Override
  void print(JsonNode data, Printer p) {
    p.line(data.path("name").asText() + " paused");
  }
}
