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

  /** A refusal that translates {@code cause}, such as an exception of the engine. */
  public ControlException(ErrorCode code, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }
}
