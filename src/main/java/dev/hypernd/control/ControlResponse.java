package dev.hypernd.control;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One answer of the daemon: {@code data} when it did what was asked, else an error code and
 * message.
 */
public record ControlResponse(JsonNode data, String errorCode, String errorMessage) {

  public boolean ok() {
    return errorCode == null;
  }

  static ControlResponse of(JsonNode response) {
    if (response == null || !response.isObject() || !response.path("ok").isBoolean()) {
      throw new IllegalArgumentException("not a control response: " + response);
    }
    if (response.get("ok").booleanValue()) {
      return new ControlResponse(response.path("data"), null, null);
    }
    JsonNode error = response.path("error");
    return new ControlResponse(
        null, error.path("code").asText("internal"), error.path("message").asText(""));
  }
}
