package dev.hypernd.engine;

/** The six states of a task (design §4). */
public enum TaskState {
  /** Created, waiting for its due time, for a worker, or behind an earlier task of its job. */
  PENDING,
  RUNNING,
  /** An attempt failed and the next attempt is scheduled. */
  RETRYING,
  COMPLETED,
  /** Retries exhausted, or the error was not retryable. */
  FAILED,
  CANCELLED;

  public boolean isFinished() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
