package dev.hypernd.engine;

/** No task has the given id. */
public final class NoSuchTaskException extends HyperndException {
  public NoSuchTaskException(String taskId) {
    super("no task with id " + taskId);
  }
}
