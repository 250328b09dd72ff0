package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(
    name = "jobs",
    description =
        "List the jobs: schedule, overlap policy, timeout, retries, fires, running tasks.")
final class JobsCommand extends BaseCommand {
  @Override
  Map<String, Object> request() {
    return Map.of("verb", "jobs");
  }

  @Override
  void print(JsonNode data, Printer p) {
    JobTables.jobs(data, p);
  }
}
