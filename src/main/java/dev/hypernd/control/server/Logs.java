package dev.hypernd.control.server;

import dev.hypernd.control.ErrorCode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code logs} verb: a task's held output, the newest held lines of a job, or, with {@code
 * follow}, a streaming answer of lines as they are written (docs/protocol.md).
 */
final class Logs {
  static final int DEFAULT_LINES = 100;
  static final int MAX_LINES = 10_000;

  private Logs() {}

  static CompletableFuture<?> handle(Request r, ControlBackend b, Exchange exchange) {
    Optional<String> taskId = r.optionalString("task_id");
    Optional<String> job = r.optionalString("job");
    boolean follow = r.optionalBoolean("follow").orElse(false);
    Optional<Long> limit = r.optionalLong("limit", 1, MAX_LINES);
    if (taskId.isPresent() == job.isPresent()) {
      throw new ControlException(
          taskId.isPresent() ? ErrorCode.BAD_REQUEST : ErrorCode.MISSING_FIELD,
          "logs takes either \"task_id\" (one task) or \"job\" (its tasks), not "
              + (taskId.isPresent() ? "both" : "neither"));
    }
    if (limit.isPresent() && (taskId.isPresent() || follow)) {
      throw new ControlException(
          ErrorCode.BAD_REQUEST, "\"limit\" goes with \"job\" and without \"follow\"");
    }
    if (!follow) {
      return CompletableFuture.completedFuture(
          taskId.isPresent()
              ? b.taskOutput(taskId.get())
              : Map.of(
                  "job",
                  job.get(),
                  "lines",
                  b.jobOutput(job.get(), limit.orElse((long) DEFAULT_LINES).intValue())));
    }
    exchange.startStream();
    CompletableFuture<?> following =
        taskId.isPresent()
            ? b.followTask(taskId.get(), line -> exchange.send(line.toData()))
            : b.followJob(job.get(), line -> exchange.send(line.toData()));
    // Cancelling the backend's own future is what ends its feed.
    exchange.abandoned().thenRun(() -> following.cancel(false));
    CompletableFuture<?> answer =
        taskId.isPresent() ? following.thenApply(task -> Map.of("task", task)) : following;
    return answer.exceptionallyCompose(
        e ->
            CompletableFuture.failedFuture(
                ErrorMapping.unwrap(e) instanceof CancellationException
                    ? new ControlException(
                        ErrorCode.BAD_STATE, "the logs stream ended: the client went away")
                    : ErrorMapping.unwrap(e)));
  }
}
