package dev.hypernd.jobs;

import dev.hypernd.engine.TaskError;
import dev.hypernd.engine.TaskEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a task event as design §5 names them, in a fixed order: {@code event}, {@code job},
 * {@code task_id}, {@code attempt}, then those of the event's type. The structured log and the
 * hooks' stdin both use this, so a hook sees what the log shows. Fields that do not apply are left
 * out rather than set to null; times are ISO-8601 instants; {@code error} is the message people
 * read (such as {@code exit status 3: disk full}) and {@code error_type} what metrics group by; a
 * Java job's {@code task.error} also has its bounded {@code stack_trace} ({@code task.failed},
 * which follows the last one, does not repeat it).
 */
public final class TaskEventFields {
  /** Keep whole results: hooks get the bounded capture as it is. */
  public static final int WHOLE_RESULT = Integer.MAX_VALUE;

  private TaskEventFields() {}

  /**
   * @param maxResultChars longer results keep their start and end around an omission marker
   */
  public static Map<String, Object> of(TaskEvent event, int maxResultChars) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("event", event.type().eventName());
    fields.put("job", event.job());
    put(fields, "task_id", event.taskId());
    fields.put("attempt", event.attempt());
    switch (event.type()) {
      case SCHEDULED -> put(fields, "scheduled_at", event.scheduledAt());
      case STARTED -> {
        times(fields, event);
        fields.put("lateness_ms", roundedToMicros(event.latenessMs()));
      }
      case COMPLETED -> {
        times(fields, event);
        fields.put("duration_ms", event.durationMs());
        if (event.result() != null) {
          fields.put("result", abbreviate(String.valueOf(event.result()), maxResultChars));
        }
      }
      case ERROR -> {
        times(fields, event);
        fields.put("duration_ms", event.durationMs());
        error(fields, event.error());
        fields.put("will_retry", event.willRetry());
        if (event.willRetry()) {
          fields.put("retry_in_ms", event.retryInMs());
        }
        if (event.error() != null && !event.error().stackTrace().isEmpty()) {
          fields.put("stack_trace", event.error().stackTrace());
        }
      }
      case FAILED -> {
        times(fields, event);
        fields.put("duration_ms", event.durationMs());
        error(fields, event.error());
      }
      case CANCELLED, SKIPPED -> {
        put(fields, "scheduled_at", event.scheduledAt());
        error(fields, event.error());
      }
    }
    if (!event.args().isEmpty()) {
      fields.put("args", event.args().stream().map(String::valueOf).toList());
    }
    return fields;
  }

  /**
   * The fields of a {@code task.output} or {@code hook.output} event: {@code event}, {@code job},
   * {@code task_id}, {@code attempt}, {@code hook} (hook output only), {@code stream}, then {@code
   * line} (and {@code cut_bytes} for a cut line) or {@code suppressed} (lines the rate limit left
   * out).
   */
  public static Map<String, Object> of(OutputEvent event) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("event", event.source().eventName());
    fields.put("job", event.job());
    fields.put("task_id", event.taskId());
    fields.put("attempt", event.attempt());
    event.hook().ifPresent(hook -> fields.put("hook", hook));
    fields.put("stream", event.stream().wireName());
    if (event.line().isPresent()) {
      fields.put("line", event.line().get());
      if (event.cutBytes() > 0) {
        fields.put("cut_bytes", event.cutBytes());
      }
    } else {
      fields.put("suppressed", event.suppressed());
    }
    return fields;
  }

  /** {@code WARN} for a count of left-out lines, so that the loss is noticed; else {@code INFO}. */
  public static String level(OutputEvent event) {
    return event.suppressed() > 0 ? "WARN" : "INFO";
  }

  /** {@code ERROR} for a task that failed for good, {@code WARN} for a failed attempt. */
  public static String level(TaskEvent event) {
    return switch (event.type()) {
      case FAILED -> "ERROR";
      case ERROR -> "WARN";
      default -> "INFO";
    };
  }

  private static void times(Map<String, Object> fields, TaskEvent event) {
    put(fields, "scheduled_at", event.scheduledAt());
    put(fields, "started_at", event.startedAt());
  }

  private static void error(Map<String, Object> fields, TaskError error) {
    if (error != null) {
      fields.put("error", error.message().isEmpty() ? error.type() : error.message());
      fields.put("error_type", error.type());
    }
  }

  private static void put(Map<String, Object> fields, String key, Object value) {
    if (value instanceof Instant instant) {
      fields.put(key, instant.toString());
    } else if (value != null) {
      fields.put(key, value);
    }
  }

  private static double roundedToMicros(double millis) {
    return Math.round(millis * 1000.0) / 1000.0;
  }

  static String abbreviate(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int keep = Math.max(0, maxChars / 2);
    int headEnd = keep;
    int tailStart = text.length() - keep;
    // Never split a surrogate pair: JSON encoders would replace the lone halves.
    if (headEnd > 0 && Character.isHighSurrogate(text.charAt(headEnd - 1))) {
      headEnd--;
    }
    if (tailStart < text.length() && Character.isLowSurrogate(text.charAt(tailStart))) {
      tailStart++;
    }
    return text.substring(0, headEnd)
        + "…["
        + (tailStart - headEnd)
        + " chars omitted]…"
        + text.substring(tailStart);
  }
}
