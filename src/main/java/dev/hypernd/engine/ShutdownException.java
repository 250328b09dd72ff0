package dev.hypernd.engine;

/** The error of an attempt that was still running when the scheduler shut down. */
public final class ShutdownException extends Exception {
  public ShutdownException(String message) {
    super(message);
  }
}
