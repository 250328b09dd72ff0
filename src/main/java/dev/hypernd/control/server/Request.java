package dev.hypernd.control.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hypernd.control.ControlJson;
import dev.hypernd.control.ErrorCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One request line, with typed access to its fields that answers a bad field with its name. */
final class Request {
  static final String VERB = "verb";
  static final String ID = "id";

  private final ObjectNode fields;

  private Request(ObjectNode fields) {
    this.fields = fields;
  }

  /**
   * @throws ControlException {@code bad_request} when the line is not one JSON object
   */
  static Request parse(byte[] line) {
    JsonNode node;
    try {
      node = ControlJson.mapper().readTree(line);
    } catch (JacksonException e) {
      throw new ControlException(
          ErrorCode.BAD_REQUEST, "the line is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new ControlException(ErrorCode.BAD_REQUEST, "the line cannot be read: " + e);
    }
    if (node == null || !node.isObject()) {
      throw new ControlException(
          ErrorCode.BAD_REQUEST,
          "a request is one JSON object per line, such as {\"verb\":\"status\"}");
    }
    return new Request((ObjectNode) node);
  }

  /** The {@code id} to echo in the response, or {@code null}. */
  JsonNode id() {
    return fields.get(ID);
  }

  String verb() {
    return requireString(VERB);
  }

  /** Refuses fields the verb does not take, so that a typo is not silently ignored. */
  void allowOnly(Set<String> allowed) {
    for (Iterator<String> names = fields.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals(VERB) && !name.equals(ID) && !allowed.contains(name)) {
        throw new ControlException(
            ErrorCode.BAD_REQUEST,
            verbText() + " takes no field \"" + name + "\"" + fieldList(allowed));
      }
    }
  }

  String requireString(String name) {
    return optionalString(name)
        .orElseThrow(
            () -> new ControlException(ErrorCode.MISSING_FIELD, "\"" + name + "\" is required"));
  }

  Optional<String> optionalString(String name) {
    JsonNode value = present(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw wrongType(name, "a string", value);
    }
    return Optional.of(value.textValue());
  }

  Optional<Boolean> optionalBoolean(String name) {
    JsonNode value = present(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw wrongType(name, "true or false", value);
    }
    return Optional.of(value.booleanValue());
  }

  /** An integer field within {@code [min, max]}. */
  Optional<Long> optionalLong(String name, long min, long max) {
    JsonNode value = present(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw wrongType(name, "an integer", value);
    }
    long n = value.longValue();
    if (n < min || n > max) {
      throw new ControlException(
          ErrorCode.BAD_REQUEST,
          "\"" + name + "\" must be between " + min + " and " + max + ", found " + n);
    }
    return Optional.of(n);
  }

  List<String> stringList(String name) {
    JsonNode value = present(name);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw wrongType(name, "an array of strings", value);
    }
    List<String> out = new ArrayList<>(value.size());
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw wrongType(name + "[" + out.size() + "]", "a string", item);
      }
      out.add(item.textValue());
    }
    return out;
  }

  private JsonNode present(String name) {
    JsonNode value = fields.get(name);
    return value == null || value.isNull() ? null : value;
  }

  private String verbText() {
    JsonNode verb = fields.get(VERB);
    return verb != null && verb.isTextual() ? "verb \"" + verb.textValue() + "\"" : "this verb";
  }

  private static String fieldList(Set<String> allowed) {
    return allowed.isEmpty()
        ? " (it takes no fields besides verb and id)"
        : " (its fields: " + String.join(", ", allowed.stream().sorted().toList()) + ")";
  }

  private static ControlException wrongType(String name, String expected, JsonNode found) {
    return new ControlException(
        ErrorCode.BAD_REQUEST,
        "\""
            + name
            + "\" must be "
            + expected
            + ", found "
            + found.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
  }
}
