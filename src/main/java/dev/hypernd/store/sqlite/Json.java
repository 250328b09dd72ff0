package dev.hypernd.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Arguments and results are kept as JSON. A value that is not already plain JSON data (a string, a
 * boolean, null, or lists and string-keyed maps of those) is normalized to what reading its JSON
 * back gives, at save time, so that a task reads the same before and after it reaches the file. A
 * value Jackson cannot write is kept as its {@code toString()}.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static Object normalize(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof List<?> list && isPlain(list)) {
      return value;
    }
    try {
      return MAPPER.readValue(MAPPER.writeValueAsString(value), Object.class);
    } catch (JsonProcessingException | RuntimeException e) {
      return String.valueOf(value);
    }
  }

  static List<Object> normalizeList(List<Object> values) {
    if (isPlain(values)) {
      return values;
    }
    List<Object> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(normalize(v));
    }
    return out;
  }

  private static boolean isPlain(List<?> values) {
    for (Object v : values) {
      if (!(v instanceof String || v instanceof Boolean)) {
        return false;
      }
    }
    return true;
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return quote(String.valueOf(value));
    }
  }

  static String writeCounts(Map<String, Long> counts) {
    return write(counts);
  }

  static Object read(String json) {
    if (json == null) {
      return null;
    }
    try {
      return MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON cannot be read: " + e.getOriginalMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Object> readList(String json) {
    Object value = read(json);
    return value instanceof List<?> list ? (List<Object>) list : List.of();
  }

  static Map<String, Long> readCounts(String json) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (read(json) instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(String.valueOf(k), ((Number) v).longValue()));
    }
    return out;
  }

  private static String quote(String s) {
    try {
      return MAPPER.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
