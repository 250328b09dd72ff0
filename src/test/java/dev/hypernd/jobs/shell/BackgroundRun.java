package dev.hypernd.jobs.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a call on a thread of its own, which the test can interrupt as the engine would. */
final class BackgroundRun {
  private final Thread thread;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final long startNanos = System.nanoTime();
  private volatile long endNanos;

  private BackgroundRun(Callable<?> call) {
    thread =
        new Thread(
            () -> {
              try {
                call.call();
              } catch (Throwable t) {
                failure.set(t);
              } finally {
                endNanos = System.nanoTime();
              }
            },
            "test-task");
    thread.start();
  }

  static BackgroundRun start(Callable<?> call) {
    return new BackgroundRun(call);
  }

  void interrupt() {
    thread.interrupt();
  }

  /** Waits up to {@code deadline} for the call to end and returns what it threw. */
  Throwable awaitFailure(Duration deadline) throws InterruptedException {
    thread.join(deadline.toMillis());
    assertThat(thread.isAlive()).as("call still running after %s", deadline).isFalse();
    assertThat(failure.get()).as("call ended without throwing").isNotNull();
    return failure.get();
  }

  /** How long the call ran; valid once {@link #awaitFailure} returned. */
  Duration duration() {
    return Duration.ofNanos(endNanos - startNanos);
  }
}
