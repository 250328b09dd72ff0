package dev.hypernd.daemon.control;

import dev.hypernd.control.OutputLineView;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The output of command tasks as the daemon holds it, for {@code logs}: each task's recent lines,
 * and a feed of new ones. Thread-safe; a sink is called on the threads that read jobs' output and
 * must not block.
 */
public interface OutputSource {
  /** Holds nothing and feeds nothing, for a daemon that does not keep output. */
  OutputSource NONE =
      new OutputSource() {
        @Override
        public Optional<List<OutputLineView>> task(String taskId) {
          return Optional.empty();
        }

        @Override
        public List<OutputLineView> job(String job, int limit) {
          return List.of();
        }

        @Override
        public Runnable followTask(String taskId, Consumer<OutputLineView> sink) {
          return () -> {};
        }

        @Override
        public Runnable followJob(String job, Consumer<OutputLineView> sink) {
          return () -> {};
        }
      };

  /**
   * The lines held for a task, oldest first, or empty when the daemon holds nothing for it (it ran
   * before the daemon started, or its output was pushed out by newer tasks' output).
   */
  Optional<List<OutputLineView>> task(String taskId);

  /** The newest {@code limit} lines held for {@code job}'s tasks, oldest first. */
  List<OutputLineView> job(String job, int limit);

  /**
   * Passes the lines held for {@code taskId} to {@code sink}, then each new one, until the returned
   * action is run.
   */
  Runnable followTask(String taskId, Consumer<OutputLineView> sink);

  /**
   * Passes the lines held for {@code job}'s running tasks to {@code sink}, then each new line of
   * any of its tasks, until the returned action is run.
   */
  Runnable followJob(String job, Consumer<OutputLineView> sink);
}
