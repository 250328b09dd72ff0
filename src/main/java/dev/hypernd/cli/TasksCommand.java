package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tasks", description = "List tasks, newest first.")
final class TasksCommand extends BaseCommand {
  /** The task states of the protocol, for option checking and completion. */
  enum State {
    PENDING,
    RUNNING,
    RETRYING,
    COMPLETED,
    FAILED,
    CANCELLED
  }

  @Option(names = "--job", paramLabel = "JOB", description = "Only this job's tasks.")
  String job;

  @Option(
      names = "--state",
      paramLabel = "STATE",
      description = "Only tasks in this state: ${COMPLETION-CANDIDATES}.")
  State state;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "At most N tasks (1-1000, default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  Map<String, Object> request() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("verb", "tasks");
    if (job != null) {
      r.put("job", job);
    }
    if (state != null) {
      r.put("state", state.name());
    }
    r.put("limit", limit);
    return r;
  }

  @Override
  void print(JsonNode data, Printer p) {
    TaskPrinter.table(data, p);
  }
}
