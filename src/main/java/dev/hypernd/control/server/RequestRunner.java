package dev.hypernd.control.server;

import dev.hypernd.control.ErrorCode;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs requests on the worker threads and hands each answer back to the I/O thread, which alone
 * touches connections: answers wait in a queue and the selector is woken to deliver them.
 */
final class RequestRunner {
  private static final Logger log = LoggerFactory.getLogger(RequestRunner.class);

  private final RequestDispatcher dispatcher;
  private final Executor workers;
  private final Selector selector;
  private final Queue<Runnable> answers = new ConcurrentLinkedQueue<>();

  RequestRunner(RequestDispatcher dispatcher, Executor workers, Selector selector) {
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.selector = selector;
  }

  /**
   * Starts answering {@code line}; {@code deliver} later gets the answer line on the I/O thread.
   *
   * @return false when the workers take no more work (the server is stopping)
   */
  boolean start(byte[] line, Exchange exchange, Consumer<byte[]> deliver) {
    try {
      workers.execute(() -> run(line, exchange, deliver));
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** On the I/O thread: delivers the answers that are ready. */
  void deliverReady() {
    for (Runnable answer; (answer = answers.poll()) != null; ) {
      try {
        answer.run();
      } catch (RuntimeException e) {
        log.error("control socket: delivering an answer failed", e);
      }
    }
  }

  /** On a worker thread. */
  private void run(byte[] line, Exchange exchange, Consumer<byte[]> deliver) {
    CompletableFuture<byte[]> answer;
    try {
      answer = dispatcher.dispatch(line, exchange);
    } catch (RuntimeException | Error e) {
      log.error("control request failed unexpectedly", e);
      answer = CompletableFuture.completedFuture(internalError(e));
    }
    answer.whenComplete(
        (bytes, error) -> {
          byte[] response = bytes != null ? bytes : internalError(error);
          answers.add(() -> deliver.accept(response));
          selector.wakeup();
        });
  }

  private static byte[] internalError(Throwable e) {
    return Responses.plainError(ErrorCode.INTERNAL, "the daemon failed to answer: " + e);
  }
}
