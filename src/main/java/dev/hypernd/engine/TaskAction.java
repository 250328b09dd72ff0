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
}
