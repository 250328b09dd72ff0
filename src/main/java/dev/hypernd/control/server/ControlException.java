package dev.hypernd.control.server;

import dev.hypernd.control.ErrorCode;
import java.util.Objects;

/** A request the daemon refuses, with the protocol error code to answer with. */
public class ControlException extends RuntimeException {
  private final ErrorCode code;

  public ControlException(ErrorCode code, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }
}
