package dev.hypernd.control;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A task with the result fields of design §4, as {@code result}, {@code tasks}, {@code cancel} and
 * {@code wait} report it.
 *
 * @param taskId {@code sched-N}
 * @param taskName the job's name
 * @param state the current state: {@code PENDING}, {@code RUNNING}, {@code RETRYING}, {@code
 *     COMPLETED}, {@code FAILED} or {@code CANCELLED}
 * @param result the successful attempt's return value as JSON (a value Jackson cannot write is
 *     given as its {@code toString()}), else {@code null}
 * @param error the last failed attempt's error, or why the task was cancelled; else {@code null}
 * @param attempts attempts made (1-based; 0 before the first)
 * @param durationMs how long the last attempt ran
 * @param scheduledAt when the task was due
 * @param startedAt when the last attempt started, or {@code null}
 * @param finishedAt when the task reached its final state, or {@code null}
 * @param nextAttemptAt when a delayed or retrying task runs next, or {@code null}
 * @param args the positional arguments
 */
public record TaskView(
    String taskId,
    String taskName,
    String state,
    JsonNode result,
    ErrorInfo error,
    int attempts,
    long durationMs,
    Instant scheduledAt,
    Instant startedAt,
    Instant finishedAt,
    Instant nextAttemptAt,
    List<String> args) {

  public TaskView {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(taskName, "taskName");
    Objects.requireNonNull(state, "state");
    args = List.copyOf(args);
  }

  /**
   * An error's type (which groups it in {@code top_errors}), its message and, for a Java job, its
   * bounded stack trace: {@code stack_trace} in JSON, left out when there is none.
   */
  public record ErrorInfo(String type, String message, String stackTrace)
      implements JsonSerializable {

    public ErrorInfo {
      stackTrace = stackTrace == null ? "" : stackTrace;
    }

    public ErrorInfo(String type, String message) {
      this(type, message, "");
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeStartObject();
      gen.writeStringField("type", type);
      gen.writeStringField("message", message);
      if (!stackTrace.isEmpty()) {
        gen.writeStringField("stack_trace", stackTrace);
      }
      gen.writeEndObject();
    }

    @Override
    public void serializeWithType(
        JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
        throws IOException {
      serialize(gen, serializers);
    }
  }
}
