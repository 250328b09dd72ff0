package dev.hypernd.control.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.control.ControlJson;
import dev.hypernd.control.ErrorCode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ResponsesTest {
  @Test
  void aPlainErrorIsValidJsonWhateverItsMessage() throws IOException {
    String message = "quote \" backslash \\ newline \n tab \t bell \u0007 é";
    JsonNode line =
        ControlJson.mapper().readTree(Responses.plainError(ErrorCode.FORBIDDEN, message));
    assertThat(line.path("ok").asBoolean()).isFalse();
    assertThat(line.path("error").path("code").asText()).isEqualTo("forbidden");
    assertThat(line.path("error").path("message").asText()).isEqualTo(message);
  }

  @Test
  void anErrorEchoesTheRequestsId() throws IOException {
    JsonNode id = ControlJson.mapper().readTree("[1,\"two\"]");
    JsonNode line = ControlJson.mapper().readTree(Responses.error(id, ErrorCode.NOT_FOUND, "gone"));
    assertThat(line.path("id")).isEqualTo(id);
    assertThat(line.path("error").path("message").asText()).isEqualTo("gone");
  }
}
