package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "cancel",
    description =
        "Cancel a pending, retrying or running task (a running shell task's processes are"
            + " terminated). Cancelling a finished task is refused.")
final class CancelCommand extends BaseCommand {
  @Parameters(paramLabel = "ID", description = "The task id, such as sched-42.")
  String taskId;

  @Override
  Map<String, Object> request() {
    return Map.of("verb", "cancel", "task_id", taskId);
  }

  @Override
  void print(JsonNode data, Printer p) {
    String state = data.path("state").asText();
    p.line(
        data.path("task_id").asText()
            + " ("
            + data.path("task_name").asText()
            + "): "
            + p.style.paint(state, Style.forState(state)));
  }
}
