package dev.hypernd.engine;

import java.util.Objects;

/**
 * Why an attempt failed: a type that groups errors in metrics ({@code top_errors}) and a message
 * for people.
 */
public record TaskError(String type, String message) {
  public TaskError {
    Objects.requireNonNull(type, "type");
    message = message == null ? "" : message;
  }

  public static TaskError of(Throwable error) {
    String message = error.getMessage();
    return new TaskError(error.getClass().getName(), message == null ? error.toString() : message);
  }

  @Override
  public String toString() {
    return message.isEmpty() ? type : type + ": " + message;
  }
}
