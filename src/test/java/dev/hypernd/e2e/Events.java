package dev.hypernd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Predicates and readers for the daemon's JSON log lines. */
final class Events {
  private Events() {}

  static Predicate<JsonNode> event(String name) {
    return node -> name.equals(text(node, "event"));
  }

  static Predicate<JsonNode> event(String name, String job) {
    return event(name).and(node -> job.equals(text(node, "job")));
  }

  static Predicate<JsonNode> task(String name, String taskId) {
    return event(name).and(node -> taskId.equals(text(node, "task_id")));
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  static Instant instant(JsonNode node, String field) {
    return Instant.parse(text(node, field));
  }

  static Duration between(
      JsonNode earlier, String earlierField, JsonNode later, String laterField) {
    return Duration.between(instant(earlier, earlierField), instant(later, laterField));
  }
}
