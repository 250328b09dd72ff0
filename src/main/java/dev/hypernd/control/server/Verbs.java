package dev.hypernd.control.server;

import dev.hypernd.control.ErrorCode;
import dev.hypernd.control.TaskView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Every verb of the protocol: the fields it takes and what it asks of the backend. */
final class Verbs {
  static final int DEFAULT_TASK_LIMIT = 50;
  static final int MAX_TASK_LIMIT = 1000;
  static final int DEFAULT_FIRES = 5;
  static final int MAX_FIRES = 1000;

  /** The longest delay the engine can hold in nanoseconds. */
  static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000;

  /**
   * Runs one verb; the exchange tells if the client goes away first, and takes a streaming verb's
   * items.
   */
  @FunctionalInterface
  interface Handler {
    CompletableFuture<?> handle(Request request, ControlBackend backend, Exchange exchange);
  }

  record Verb(Set<String> fields, Handler handler) {}

  private static final Map<String, Verb> VERBS =
      Map.ofEntries(
          sync("status", Set.of(), (r, b) -> b.status()),
          sync("metrics", Set.of("job"), (r, b) -> b.metrics(r.optionalString("job"))),
          sync("result", Set.of("task_id"), (r, b) -> b.result(r.requireString("task_id"))),
          sync("cancel", Set.of("task_id"), (r, b) -> b.cancel(r.requireString("task_id"))),
          sync("submit", Set.of("job", "args", "delay_ms"), Verbs::submit),
          sync("tasks", Set.of("job", "state", "limit"), Verbs::tasks),
          sync("jobs", Set.of(), (r, b) -> b.jobs()),
          sync("next", Set.of("job", "n"), Verbs::next),
          sync("reload", Set.of(), (r, b) -> b.reload()),
          sync("pause", Set.of("job"), (r, b) -> b.pause(r.requireString("job"))),
          sync("resume", Set.of("job"), (r, b) -> b.resume(r.requireString("job"))),
          Map.entry("wait", new Verb(Set.of("task_id", "timeout_ms"), Verbs::await)),
          Map.entry("logs", new Verb(Set.of("task_id", "job", "follow", "limit"), Logs::handle)));

  private Verbs() {}

  /**
   * @throws ControlException {@code unknown_verb}, naming the verbs there are
   */
  static Verb lookup(String name) {
    Verb verb = VERBS.get(name);
    if (verb == null) {
      throw new ControlException(
          ErrorCode.UNKNOWN_VERB,
          "unknown verb \"" + name + "\"; verbs are " + String.join(", ", names()));
    }
    return verb;
  }

  static List<String> names() {
    return VERBS.keySet().stream().sorted().toList();
  }

  private interface SyncHandler {
    Object handle(Request request, ControlBackend backend);
  }

  private static Map.Entry<String, Verb> sync(String name, Set<String> fields, SyncHandler h) {
    return Map.entry(
        name,
        new Verb(fields, (r, b, exchange) -> CompletableFuture.completedFuture(h.handle(r, b))));
  }

  private static Object submit(Request r, ControlBackend b) {
    String job = r.requireString("job");
    List<String> args = r.stringList("args");
    long delayMs = r.optionalLong("delay_ms", 0, MAX_MILLIS).orElse(0L);
    return Map.of("task_id", b.submit(job, args, Duration.ofMillis(delayMs)));
  }

  private static Object tasks(Request r, ControlBackend b) {
    int limit =
        r.optionalLong("limit", 1, MAX_TASK_LIMIT).orElse((long) DEFAULT_TASK_LIMIT).intValue();
    return b.tasks(r.optionalString("job"), r.optionalString("state"), limit);
  }

  private static Object next(Request r, ControlBackend b) {
    String job = r.requireString("job");
    int n = r.optionalLong("n", 1, MAX_FIRES).orElse((long) DEFAULT_FIRES).intValue();
    return b.next(job, n);
  }

  private static CompletableFuture<?> await(Request r, ControlBackend b, Exchange exchange) {
    String taskId = r.requireString("task_id");
    Optional<Long> timeoutMs = r.optionalLong("timeout_ms", 0, MAX_MILLIS);
    CompletableFuture<TaskView> finished = b.awaitFinished(taskId);
    exchange.abandoned().thenRun(() -> finished.cancel(false));
    timeoutMs.ifPresent(ms -> finished.orTimeout(ms, TimeUnit.MILLISECONDS));
    return finished.exceptionallyCompose(
        e -> CompletableFuture.failedFuture(whyNotFinished(e, b, taskId, timeoutMs)));
  }

  private static Throwable whyNotFinished(
      Throwable e, ControlBackend b, String taskId, Optional<Long> timeoutMs) {
    Throwable cause = ErrorMapping.unwrap(e);
    if (cause instanceof TimeoutException) {
      return timedOut(b, taskId, timeoutMs.orElseThrow());
    }
    if (cause instanceof CancellationException) {
      return new ControlException(
          ErrorCode.BAD_STATE, "the wait for " + taskId + " ended: the client went away");
    }
    return cause;
  }

  private static ControlException timedOut(ControlBackend b, String taskId, long ms) {
    String state;
    try {
      state = String.valueOf(b.result(taskId).state());
    } catch (RuntimeException e) {
      state = "in an unknown state (" + e.getMessage() + ")";
    }
    return new ControlException(
        ErrorCode.TIMEOUT,
        "task " + taskId + " did not finish within " + ms + " ms; it is " + state);
  }
}
