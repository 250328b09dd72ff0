package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Tasks for people: one task as labelled lines, many as a table. */
final class TaskPrinter {
  private static final int LABEL_WIDTH = 11;
  static final int ERROR_WIDTH = 60;

  private TaskPrinter() {}

  static void block(JsonNode task, Printer p) {
    String state = task.path("state").asText();
    p.field("task", task.path("task_id").asText(), LABEL_WIDTH);
    p.field("job", task.path("task_name").asText(), LABEL_WIDTH);
    p.field("state", p.style.paint(state, Style.forState(state)), LABEL_WIDTH);
    p.field("attempts", task.path("attempts").asText(), LABEL_WIDTH);
    if (task.path("attempts").asInt() > 0) {
      p.field("duration", Times.millis(task.path("duration_ms").asLong()), LABEL_WIDTH);
    }
    p.field("scheduled", p.absolute(task.get("scheduled_at")), LABEL_WIDTH);
    p.field("started", p.absolute(task.get("started_at")), LABEL_WIDTH);
    p.field("finished", p.absolute(task.get("finished_at")), LABEL_WIDTH);
    if (!task.path("next_attempt_at").isNull() && !task.path("next_attempt_at").isMissingNode()) {
      p.field("next try", p.absolute(task.get("next_attempt_at")), LABEL_WIDTH);
    }
    p.field("args", args(task), LABEL_WIDTH);
    JsonNode result = task.path("result");
    if (!result.isNull() && !result.isMissingNode()) {
      p.field("result", result.isTextual() ? result.textValue() : result.toString(), LABEL_WIDTH);
    }
    JsonNode error = task.path("error");
    if (!error.isNull() && !error.isMissingNode()) {
      p.field("error", error(error), LABEL_WIDTH);
      if (error.hasNonNull("stack_trace")) {
        p.field("trace", error.get("stack_trace").asText(), LABEL_WIDTH);
      }
    }
  }

  static void table(JsonNode tasks, Printer p) {
    Table table = new Table("TASK", "JOB", "STATE", "ATTEMPTS", "SCHEDULED", "DURATION", "ERROR");
    for (JsonNode t : tasks) {
      String state = t.path("state").asText();
      table.row(
          Table.Cell.plain(t.path("task_id").asText()),
          Table.Cell.plain(t.path("task_name").asText()),
          new Table.Cell(state, Style.forState(state)),
          Table.Cell.plain(t.path("attempts").asText()),
          Table.Cell.plain(p.relative(t.get("scheduled_at"))),
          Table.Cell.plain(
              t.path("attempts").asInt() > 0 ? Times.millis(t.path("duration_ms").asLong()) : "-"),
          Table.Cell.plain(
              t.path("error").isObject() ? oneLine(error(t.path("error")), p.terminal) : ""));
    }
    if (table.isEmpty()) {
      p.line("no tasks");
    } else {
      p.table(table);
    }
  }

  private static String args(JsonNode task) {
    List<String> args = new ArrayList<>();
    task.path("args").forEach(a -> args.add(a.asText()));
    return args.isEmpty() ? "-" : String.join(" ", args);
  }

  private static String error(JsonNode error) {
    String type = error.path("type").asText();
    String message = error.path("message").asText();
    return message.isEmpty() ? type : type + ": " + message;
  }

  /**
   * The error on one line; on a terminal cut to {@value #ERROR_WIDTH} characters so that the row
   * fits, never in a pipe or a file, where {@code grep} must find all of it.
   */
  private static String oneLine(String text, boolean terminal) {
    String flat = text.replaceAll("\\s+", " ");
    return terminal && flat.length() > ERROR_WIDTH
        ? flat.substring(0, ERROR_WIDTH - 1) + "…"
        : flat;
  }
}
