package dev.hypernd.examples;

import dev.hypernd.engine.TaskAction;
import dev.hypernd.engine.TaskContext;

/**
 * The Java job of {@code jobs.example.yaml}: shows what a class job receives. Its return value is
 * the task's result.
 */
public final class HelloJob implements TaskAction {
  @Override
  public Object run(TaskContext context) {
    return "hello from "
        + context.jobName()
        + " ("
        + context.taskId()
        + ", attempt "
        + context.attempt()
        + ", args "
        + context.args()
        + ")";
  }
}
