package dev.hypernd.control.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.control.ControlJson;
import dev.hypernd.control.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Response lines: {@code {"ok":true,"data":…}} or {@code {"ok":false,"error":{…}}}, then LF; a
 * streaming verb's items before its answer carry {@code "more":true}.
 */
final class Responses {
  private Responses() {}

  static byte[] ok(JsonNode id, Object data) throws JsonProcessingException {
    Map<String, Object> out = new LinkedHashMap<>();
    putId(out, id);
    out.put("ok", true);
    out.put("data", data);
    return line(out);
  }

  /** An item of a streaming answer: {@code {"id":…,"ok":true,"more":true,"data":…}}. */
  static byte[] item(JsonNode id, Object data) throws JsonProcessingException {
    Map<String, Object> out = new LinkedHashMap<>();
    putId(out, id);
    out.put("ok", true);
    out.put("more", true);
    out.put("data", data);
    return line(out);
  }

  static byte[] error(JsonNode id, ErrorCode code, String message) {
    Map<String, Object> out = new LinkedHashMap<>();
    putId(out, id);
    out.put("ok", false);
    out.put("error", Map.of("code", code.wireName(), "message", message));
    try {
      return line(out);
    } catch (JsonProcessingException e) {
      // Only strings and an id that was itself parsed from JSON: this cannot fail.
      throw new IllegalStateException("cannot write an error response", e);
    }
  }

  /** An error response built without Jackson, for the selector thread. */
  static byte[] plainError(ErrorCode code, String message) {
    return ("{\"ok\":false,\"error\":{\"code\":\""
            + code.wireName()
            + "\",\"message\":\""
            + escape(message)
            + "\"}}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON string's content: quotes, backslashes and control characters escaped. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void putId(Map<String, Object> out, JsonNode id) {
    if (id != null) {
      out.put("id", id);
    }
  }

  private static byte[] line(Map<String, Object> response) throws JsonProcessingException {
    byte[] json = ControlJson.mapper().writeValueAsBytes(response);
    byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
    withNewline[json.length] = '\n';
    return withNewline;
  }
}
