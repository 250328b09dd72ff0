package dev.hypernd.control.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control socket of the daemon: a Unix domain socket speaking the line protocol of {@code
 * docs/protocol.md} on behalf of a {@link ControlBackend}.
 *
 * <pre>{@code
 * ControlServer server = new ControlServer(socketPath, backend);
 * server.start();   // throws SocketInUseException when another daemon serves the path
 * ...
 * server.close();   // removes the socket file
 * }</pre>
 *
 * <p>One I/O thread serves every connection and a few worker threads run verbs, so clients never
 * block the scheduler and the thread count does not grow with them.
 */
public final class ControlServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ControlServer.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final Path socketPath;
  private final ControlBackend backend;
  private final ControlServerOptions options;
  private SocketBinding binding;
  private ThreadPoolExecutor workers;
  private SelectorLoop loop;
  private Thread loopThread;

  public ControlServer(Path socketPath, ControlBackend backend) {
    this(socketPath, backend, ControlServerOptions.defaults());
  }

  public ControlServer(Path socketPath, ControlBackend backend, ControlServerOptions options) {
    this.socketPath = Objects.requireNonNull(socketPath, "socketPath");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Creates the socket file (mode 0660, replacing a stale one) and starts serving.
   *
   * @throws SocketInUseException when another daemon serves {@code socketPath}
   * @throws IOException when the socket cannot be created
   */
  public synchronized void start() throws IOException {
    if (binding != null) {
      throw new IllegalStateException("the control server on " + socketPath + " is started");
    }
    SocketBinding bound = SocketBinding.bind(socketPath);
    try {
      PeerPolicy peers = PeerPolicy.forSocket(bound.socket(), new GroupFile(options.groupFile()));
      workers = workerPool(options);
      loop =
          new SelectorLoop(
              bound.channel(), new RequestDispatcher(backend), workers, options, peers);
    } catch (IOException | RuntimeException e) {
      bound.close();
      if (workers != null) {
        workers.shutdownNow();
      }
      throw e;
    }
    binding = bound;
    loopThread = new Thread(loop, "hypernd-control");
    loopThread.setDaemon(true);
    loopThread.start();
    log.info("control socket listening on {}", bound.socket());
  }

  public Path socketPath() {
    return socketPath;
  }

  /** Open client connections; for tests and diagnostics. */
  public int connectionCount() {
    SelectorLoop current = loop;
    return current == null ? 0 : current.connectionCount();
  }

  /** Stops serving, drops every connection and removes the socket file. Idempotent. */
  @Override
  public synchronized void close() {
    if (binding == null) {
      return;
    }
    loop.stop();
    try {
      loopThread.join(STOP_GRACE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    try {
      binding.close();
    } catch (IOException e) {
      log.warn("could not remove the control socket {}: {}", socketPath, e.toString());
    }
    binding = null;
    log.info("control socket {} closed", socketPath);
  }

  private static ThreadPoolExecutor workerPool(ControlServerOptions options) {
    AtomicInteger n = new AtomicInteger();
    // One request per connection is in flight at most, so the queue never overflows.
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            options.workerThreads(),
            options.workerThreads(),
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(options.maxConnections()),
            r -> {
              Thread t = new Thread(r, "hypernd-control-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
