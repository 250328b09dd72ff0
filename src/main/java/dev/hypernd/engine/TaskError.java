package dev.hypernd.engine;

import java.util.Objects;

/**
 * Why an attempt failed: a type that groups errors in metrics ({@code top_errors}), a message for
 * people, and a stack trace when the task's action gave one (a Java job's, bounded).
 *
 * @param stackTrace empty when there is none
 */
public record TaskError(String type, String message, String stackTrace) {
  public TaskError {
    Objects.requireNonNull(type, "type");
    message = message == null ? "" : message;
    stackTrace = stackTrace == null ? "" : stackTrace;
  }

  /** An error without a stack trace. */
  public TaskError(String type, String message) {
    this(type, message, "");
  }

  /** The error's class name and message (its {@code toString()} when it has none). */
  public static TaskError of(Throwable error) {
    return of(error, "");
  }

  /** As {@link #of(Throwable)}, with the stack trace an action made of it. */
  public static TaskError of(Throwable error, String stackTrace) {
    String message = error.getMessage();
    return new TaskError(
        error.getClass().getName(), message == null ? error.toString() : message, stackTrace);
  }

  @Override
  public String toString() {
    return message.isEmpty() ? type : type + ": " + message;
  }
}
