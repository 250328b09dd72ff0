package dev.hypernd.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor hooks of the reference API: {@code beforeTask}, {@code afterTask}, {@code onError}
 * (every failed attempt), plus raw {@link TaskEventListener}s. A hook that throws is logged with
 * its job and task and never breaks the task.
 */
public final class Monitor {
  private static final Logger log = LoggerFactory.getLogger(Monitor.class);

  /** Called when an attempt starts. */
  @FunctionalInterface
  public interface BeforeTask {
    void beforeTask(String jobName, List<Object> args);
  }

  /** Called when a task completes successfully. */
  @FunctionalInterface
  public interface AfterTask {
    void afterTask(String jobName, Object result, Duration duration);
  }

  /** Called on every failed attempt, retried or not. */
  @FunctionalInterface
  public interface OnError {
    void onError(String jobName, TaskError error, int attempt);
  }

  private final List<TaskEventListener> listeners = new CopyOnWriteArrayList<>();

  Monitor() {}

  public Monitor beforeTask(BeforeTask hook) {
    Objects.requireNonNull(hook, "hook");
    return onEvent(
        e -> {
          if (e.type() == TaskEvent.Type.STARTED) {
            hook.beforeTask(e.job(), e.args());
          }
        });
  }

  public Monitor afterTask(AfterTask hook) {
    Objects.requireNonNull(hook, "hook");
    return onEvent(
        e -> {
          if (e.type() == TaskEvent.Type.COMPLETED) {
            hook.afterTask(e.job(), e.result(), Duration.ofMillis(e.durationMs()));
          }
        });
  }

  public Monitor onError(OnError hook) {
    Objects.requireNonNull(hook, "hook");
    return onEvent(
        e -> {
          if (e.type() == TaskEvent.Type.ERROR) {
            hook.onError(e.job(), e.error(), e.attempt());
          }
        });
  }

  public Monitor onEvent(TaskEventListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  void publish(List<TaskEvent> events) {
    for (TaskEvent event : events) {
      for (TaskEventListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException | Error e) {
          if (e instanceof VirtualMachineError) {
            throw e;
          }
          log.warn(
              "monitor hook threw on {} (job {}, task {}): {}",
              event.type().eventName(),
              event.job(),
              event.taskId(),
              e.toString(),
              e);
        }
      }
    }
  }
}
