package dev.hypernd.engine;

/**
 * The body of a job. It runs on a worker thread; its return value becomes the task's result.
 * Throwing fails the attempt, which the job's {@link RetryPolicy} may retry. Cancel and timeout
 * interrupt the thread, so a long-running body should let {@link InterruptedException} propagate or
 * check {@link Thread#isInterrupted()}.
 */
@FunctionalInterface
public interface TaskAction {
  Object run(TaskContext context) throws Exception;

  /**
   * The stack trace to record with a failed attempt's error ({@link TaskError#stackTrace()}), for
   * people; empty (the default) for none. Called with whatever the attempt failed of, including the
   * engine's own {@link TaskTimeoutException} and {@link ShutdownException}. The engine keeps the
   * text as given, so an action that returns one keeps it short; one that throws here records none.
   */
  default String stackTraceOf(Throwable error) {
    return "";
  }
}
