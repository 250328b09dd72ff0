package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "resume", description = "Let a paused job fire again.")
final class ResumeCommand extends BaseCommand {
  @Parameters(paramLabel = "JOB", description = "The job's name.")
  String job;

  @Override
  Map<String, Object> request() {
    return Map.of("verb", "resume", "job", job);
  }

  @Override
  void print(JsonNode data, Printer p) {
    JsonNode next = data.get("next_fire");
    p.line(
        data.path("name").asText()
            + " resumed"
            + (next == null || next.isNull() ? "" : "; next fire " + p.relative(next)));
  }
}
