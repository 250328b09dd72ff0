package dev.hypernd.engine;

/** The root of the engine's unchecked exceptions; each message names the job or task. */
public class HyperndException extends RuntimeException {
  public HyperndException(String message) {
    super(message);
  }

  public HyperndException(String message, Throwable cause) {
    super(message, cause);
  }
}
