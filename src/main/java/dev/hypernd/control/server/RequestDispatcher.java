package dev.hypernd.control.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/** Answers one request line: parse, validate, run the verb, write the response line. */
final class RequestDispatcher {
  private final ControlBackend backend;

  RequestDispatcher(ControlBackend backend) {
    this.backend = backend;
  }

  /**
   * The response line for {@code line}. The future never fails: every problem is an error response.
   * A streaming verb sends its items through {@code exchange} before the answer.
   */
  CompletableFuture<byte[]> dispatch(byte[] line, Exchange exchange) {
    JsonNode id = null;
    String verbName = "a request";
    try {
      Request request = Request.parse(line);
      id = request.id();
      exchange.id(id);
      verbName = request.verb();
      Verbs.Verb verb = Verbs.lookup(verbName);
      request.allowOnly(verb.fields());
      JsonNode finalId = id;
      String finalVerb = verbName;
      return verb.handler()
          .handle(request, backend, exchange)
          .handle((data, error) -> answer(finalId, finalVerb, data, error));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(failure(id, verbName, e));
    }
  }

  private static byte[] answer(JsonNode id, String verb, Object data, Throwable error) {
    if (error != null) {
      return failure(id, verb, error);
    }
    try {
      return Responses.ok(id, data);
    } catch (JsonProcessingException | RuntimeException e) {
      return failure(id, verb, new IllegalStateException("cannot write the answer as JSON", e));
    }
  }

  private static byte[] failure(JsonNode id, String verb, Throwable error) {
    ErrorMapping.Failure f = ErrorMapping.of(error, verb);
    return Responses.error(id, f.code(), f.message());
  }
}
