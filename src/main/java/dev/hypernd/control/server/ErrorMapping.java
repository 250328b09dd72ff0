package dev.hypernd.control.server;

import dev.hypernd.control.ErrorCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns what a verb threw into the protocol's error code and message. */
final class ErrorMapping {
  private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  record Failure(ErrorCode code, String message) {}

  static Failure of(Throwable thrown, String verb) {
    Throwable e = unwrap(thrown);
    if (e instanceof ControlException c) {
      return new Failure(c.code(), c.getMessage());
    }
    if (e instanceof IllegalArgumentException) {
      return new Failure(ErrorCode.BAD_REQUEST, e.getMessage());
    }
    log.error("control verb {} failed unexpectedly", verb, e);
    return new Failure(
        ErrorCode.INTERNAL,
        "the daemon failed to answer " + verb + ": " + e + " (details are in its log)");
  }

  static Throwable unwrap(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
