package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "wait",
    description =
        "Wait until a task has ended and show it. Exit code 0 if it COMPLETED; 1 if it FAILED, was"
            + " CANCELLED, or the timeout passed first.")
final class WaitCommand extends BaseCommand {
  /** Beyond the daemon's own timeout, for the answer to arrive. */
  private static final Duration MARGIN = Duration.ofSeconds(30);

  @Parameters(paramLabel = "ID", description = "The task id, such as sched-42.")
  String taskId;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationText.class,
      description = "Give up after this long: 30s, 5m, 1h30m (default: wait as long as it takes).")
  Duration timeout;

  @Override
  Map<String, Object> request() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("verb", "wait");
    r.put("task_id", taskId);
    if (timeout != null) {
      r.put("timeout_ms", timeout.toMillis());
    }
    return r;
  }

  @Override
  Duration answerTimeout() {
    return timeout == null ? null : timeout.plus(MARGIN);
  }

  @Override
  void print(JsonNode data, Printer p) {
    TaskPrinter.block(data, p);
  }

  @Override
  int exitCode(JsonNode data) {
    return "COMPLETED".equals(data.path("state").asText()) ? OK : REFUSED;
  }
}
