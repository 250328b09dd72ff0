package dev.hypernd.daemon.control;

import dev.hypernd.control.ReloadView;
import dev.hypernd.control.server.ControlServer;
import dev.hypernd.control.server.ControlServerOptions;
import dev.hypernd.engine.TaskScheduler;
import dev.hypernd.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real {@link ControlServer} on a temporary socket over a real {@link TaskScheduler} whose time
 * stands still: bodies run at once on a pool when submitted, and nothing fires or retries by
 * itself, so every state a test sees is one it caused.
 */
public final class ControlFixture implements AutoCloseable {
  public static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

  public final ManualClock clock = new ManualClock(START);
  public final ExecutorService bodies = Executors.newCachedThreadPool();
  public final TaskScheduler scheduler;
  public final AtomicReference<ReloadView> nextReload =
      new AtomicReference<>(ReloadView.accepted(START, "2 jobs: unchanged"));
  public final SchedulerControlBackend backend;
  public final Path socket;
  public final ControlServer server;

  public ControlFixture(Path dir) {
    this(dir, ControlServerOptions.defaults());
  }

  public ControlFixture(Path dir, ControlServerOptions options) {
    this(dir, options, OutputSource.NONE);
  }

  /**
   * @param output what {@code logs} reads and follows
   */
  public ControlFixture(Path dir, ControlServerOptions options, OutputSource output) {
    scheduler =
        TaskScheduler.builder()
            .clock(clock)
            .executor(bodies)
            .dispatchThread(false)
            .periodicClassLoader(null)
            .build();
    backend =
        new SchedulerControlBackend(
            scheduler,
            () ->
                new DaemonInfo(
                    "9.9.9-test",
                    START.minusSeconds(3600),
                    "/etc/hypernd/jobs.yaml",
                    START.minusSeconds(600),
                    nextReload.get()),
            () -> {
              ReloadView outcome = nextReload.get();
              return outcome;
            },
            clock::now,
            output);
    socket = dir.resolve("hypernd.sock");
    server = new ControlServer(socket, backend, options);
  }

  /** Starts the scheduler and the server. */
  public ControlFixture start() throws IOException {
    scheduler.start();
    server.start();
    return this;
  }

  /** A one-shot task's id after it was submitted with {@code args}. */
  public String submit(String job, String... args) {
    return scheduler.submit(job, List.of((Object[]) args), java.time.Duration.ZERO);
  }

  @Override
  public void close() {
    server.close();
    scheduler.close();
    bodies.shutdownNow();
  }
}
