package dev.hypernd.engine;

/** The task is not in a state that allows the request (for example, cancelling a finished task). */
public final class TaskStateException extends HyperndException {
  private final TaskState state;

  public TaskStateException(String message, TaskState state) {
    super(message);
    this.state = state;
  }

  public TaskState state() {
    return state;
  }
}
