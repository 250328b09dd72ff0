package dev.hypernd.daemon.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hypernd.control.TaskView;
import dev.hypernd.engine.TaskError;
import dev.hypernd.engine.TaskResult;

/** Builds {@link TaskView}s from the engine's {@link TaskResult}s. */
final class TaskViews {
  private TaskViews() {}

  static TaskView of(TaskResult task) {
    TaskError error = task.error();
    return new TaskView(
        task.taskId(),
        task.taskName(),
        task.state().name(),
        task.result() == null ? null : toJson(task.result()),
        error == null
            ? null
            : new TaskView.ErrorInfo(error.type(), error.message(), error.stackTrace()),
        task.attempts(),
        task.durationMs(),
        task.scheduledAt(),
        task.startedAt(),
        task.finishedAt(),
        task.nextAttemptAt(),
        task.args().stream().map(String::valueOf).toList());
  }

  /**
   * A job's return value as JSON. A plain mapper, not the protocol's: a job's own field names are
   * its data and are not renamed to snake_case.
   */
  static JsonNode toJson(Object value) {
    try {
      return ResultMapper.MAPPER.valueToTree(value);
    } catch (IllegalArgumentException e) {
      return TextNode.valueOf(String.valueOf(value));
    }
  }

  private static final class ResultMapper {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
