package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "result",
    description = "Show a task: state, attempts, duration, times, arguments, result or error.")
final class ResultCommand extends BaseCommand {
  @Parameters(paramLabel = "ID", description = "The task id, such as sched-42.")
  String taskId;

  @Override
  Map<String, Object> request() {
    return Map.of("verb", "result", "task_id", taskId);
  }

  @Override
  void print(JsonNode data, Printer p) {
    TaskPrinter.block(data, p);
  }
}
