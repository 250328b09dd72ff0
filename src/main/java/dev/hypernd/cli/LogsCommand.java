package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.control.ControlClient;
import dev.hypernd.control.ControlResponse;
import dev.hypernd.control.DaemonUnreachableException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "logs",
    description = {
      "Print the output lines of a task, or of a job's recent tasks, as the daemon logged them:"
          + " the lines of the command and of its hooks, with markers where lines were cut,"
          + " suppressed by the rate limit, or are no longer held. The daemon holds the output of"
          + " recent tasks in memory since it started; for an older task the captured result is"
          + " printed instead.",
      "With -f, print new lines as they are written: those of the task until it ends (exit 0 if"
          + " it COMPLETED, 1 otherwise), or those of the job's running and next tasks until"
          + " Ctrl-C."
    })
final class LogsCommand extends BaseCommand {
  @Parameters(
      paramLabel = "ID",
      arity = "0..1",
      description = "The task id, such as sched-42 (or --job).")
  String taskId;

  @Option(names = "--job", paramLabel = "JOB", description = "The job's tasks instead of one task.")
  String job;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new lines as they are written.")
  boolean follow;

  @Option(
      names = {"-n", "--lines"},
      paramLabel = "N",
      description = "With --job, without -f: the newest N lines (1-10000, default 100).")
  Integer lines;

  private final OutputLinePrinter linePrinter = new OutputLinePrinter();

  @Override
  Map<String, Object> request() {
    if ((taskId == null) == (job == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "give a task ID or --job JOB, not " + (job == null ? "neither" : "both"));
    }
    if (lines != null && (job == null || follow)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--lines goes with --job and without --follow");
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("verb", "logs");
    if (taskId != null) {
      r.put("task_id", taskId);
    } else {
      r.put("job", job);
    }
    if (follow) {
      r.put("follow", true);
    }
    if (lines != null) {
      r.put("limit", lines);
    }
    return r;
  }

  @Override
  ControlResponse exchange(ControlClient client, Printer printer)
      throws DaemonUnreachableException {
    if (!follow) {
      return super.exchange(client, printer);
    }
    return client.stream(
        request(),
        item -> {
          if (main.global.json) {
            printer.out.println(item.toString());
          } else {
            linePrinter.print(item, job != null, printer);
          }
          printer.out.flush();
        });
  }

  @Override
  void print(JsonNode data, Printer p) {
    if (follow) {
      return; // the lines were printed as they came; the end is told by the exit code
    }
    if (job != null) {
      data.path("lines").forEach(line -> linePrinter.print(line, true, p));
      return;
    }
    if (data.path("held").asBoolean()) {
      data.path("lines").forEach(line -> linePrinter.print(line, false, p));
      return;
    }
    printResultInstead(data.path("task"), p);
  }

  /** A task whose output is not held: its captured stdout, or its error, from the store. */
  private void printResultInstead(JsonNode task, Printer p) {
    CommandLine cmd = spec.commandLine();
    cmd.getErr()
        .println(
            "hypernctl: the daemon holds no output of "
                + task.path("task_id").asText()
                + " (it ran before the daemon started, or newer output pushed it out);"
                + " its captured result follows");
    cmd.getErr().flush();
    JsonNode result = task.path("result");
    if (result.isTextual()) {
      p.out.print(result.textValue());
      if (!result.textValue().isEmpty() && !result.textValue().endsWith("\n")) {
        p.out.println();
      }
    } else if (!result.isNull() && !result.isMissingNode()) {
      p.line(result.toString());
    }
    JsonNode error = task.path("error");
    if (error.isObject()) {
      p.line(error.path("message").asText(error.path("type").asText()));
    }
  }

  @Override
  void printJson(JsonNode data, Printer p) {
    if (follow) {
      p.out.println(data.toString());
    } else {
      p.json(data);
    }
  }

  @Override
  int exitCode(JsonNode data) throws ExitException {
    if (!follow || job != null) {
      return OK;
    }
    JsonNode task = data.path("task");
    String state = task.path("state").asText();
    if ("COMPLETED".equals(state)) {
      return OK;
    }
    JsonNode error = task.path("error");
    throw new ExitException(
        REFUSED,
        task.path("task_id").asText()
            + " ended "
            + state
            + (error.isObject() ? ": " + error.path("message").asText() : ""));
  }
}
