package dev.hypernd.jobs;

import dev.hypernd.engine.ShutdownException;
import dev.hypernd.engine.TaskAction;
import dev.hypernd.engine.TaskContext;
import dev.hypernd.engine.TaskTimeoutException;
import java.lang.reflect.InvocationTargetException;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The body of a class job. Every attempt gets a fresh instance made with the public no-argument
 * constructor, so a job class need not be thread-safe (overlapping tasks never share an instance)
 * and a retry never sees state left by the failed attempt. An instance that is a {@link TaskAction}
 * runs with the task's context; otherwise a {@link Callable}'s return value, or a {@link
 * Runnable}'s {@code null}, is the result. The class is loaded, and its static initialiser run, at
 * the first attempt, never when the file is validated.
 *
 * <p>The attempt runs with the configuration's class loader as the thread's context class loader,
 * as libraries that look up resources or services through it expect. A failure is recorded with its
 * stack trace, bounded ({@link StackTraces}).
 */
final class ClassTask implements TaskAction {
  private final String className;
  private final ClassLoader loader;

  ClassTask(String className, ClassLoader loader) {
    this.className = Objects.requireNonNull(className, "className");
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  @Override
  public Object run(TaskContext context) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Object job = newInstance();
      if (job instanceof TaskAction action) {
        return action.run(context);
      }
      if (job instanceof Callable<?> callable) {
        return callable.call();
      }
      if (job instanceof Runnable runnable) {
        runnable.run();
        return null;
      }
      throw new IllegalStateException(
          className + " implements none of TaskAction, Callable and Runnable");
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * The job's own frames of {@code error}; none for the engine's timeout and shutdown, whose traces
   * show only hypernd.
   */
  @Override
  public String stackTraceOf(Throwable error) {
    if (error instanceof TaskTimeoutException || error instanceof ShutdownException) {
      return "";
    }
    return StackTraces.bounded(error, ClassTask.class.getName());
  }

  private Object newInstance() throws Exception {
    Class<?> type = Class.forName(className, true, loader);
    try {
      return type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      // The constructor's own failure is the job's error, and what retry_on should see.
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return "class " + className;
  }
}
