package dev.hypernd.control.server;

import dev.hypernd.control.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one I/O thread: accepts, checks peers, reads request lines and writes answers for
 * every connection without blocking, so an idle, slow or hostile client costs a little memory and
 * no thread. Verbs run on the worker threads ({@link RequestRunner}); a streaming verb's items come
 * from any thread through the connection's {@link Exchange}, which names the connection in {@code
 * streamed} and wakes the selector.
 */
final class SelectorLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(SelectorLoop.class);

  private final Selector selector;
  private final ServerSocketChannel server;
  private final RequestRunner runner;
  private final ControlServerOptions options;
  private final Admission admission;
  private final Set<Connection> connections = new HashSet<>();
  private final Queue<Connection> streamed = new ConcurrentLinkedQueue<>();
  private final ByteBuffer scratch = ByteBuffer.allocateDirect(64 * 1024);
  private final long requestNanos;
  private final long idleNanos;
  private final long sweepMillis;
  private volatile boolean running = true;
  private volatile int openConnections;
  private long nextSweep;
  private boolean acceptPaused;

  SelectorLoop(
      ServerSocketChannel server,
      RequestDispatcher dispatcher,
      Executor workers,
      ControlServerOptions options,
      PeerPolicy peers)
      throws IOException {
    this.selector = Selector.open();
    this.server = server;
    this.runner = new RequestRunner(dispatcher, workers, selector);
    this.options = options;
    this.admission = new Admission(peers, options);
    this.requestNanos = options.requestTimeout().toNanos();
    this.idleNanos = options.idleTimeout().toNanos();
    // Idle connections are found by a sweep; a tenth of the shorter timeout is precise enough.
    long shorter = Math.min(options.requestTimeout().toMillis(), options.idleTimeout().toMillis());
    this.sweepMillis = Math.max(10, Math.min(1000, shorter / 10));
    server.configureBlocking(false);
    server.register(selector, SelectionKey.OP_ACCEPT);
  }

  @Override
  public void run() {
    try {
      while (running) {
        selector.select(sweepMillis);
        runner.deliverReady();
        writeStreamed();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          if (key.isValid()) {
            if (key.isAcceptable()) {
              acceptAll();
            } else {
              serve((Connection) key.attachment(), key);
            }
          }
        }
        sweep();
      }
    } catch (IOException | ClosedSelectorException e) {
      if (running) {
        log.error("control socket loop stopped: {}", e.toString(), e);
      }
    } finally {
      new ArrayList<>(connections).forEach(this::tellStopping);
      new ArrayList<>(connections).forEach(this::close);
      try {
        selector.close();
      } catch (IOException e) {
        log.debug("closing the selector", e);
      }
    }
  }

  void stop() {
    running = false;
    selector.wakeup();
  }

  private void acceptAll() throws IOException {
    while (true) {
      SocketChannel channel;
      try {
        channel = server.accept();
      } catch (IOException e) {
        pauseAccepting(e);
        return;
      }
      if (channel == null) {
        return;
      }
      try {
        accept(channel);
      } catch (IOException | RuntimeException e) {
        log.warn("control socket: dropping a connection that failed while being accepted", e);
        channel.close();
      }
    }
  }

  /**
   * Out of file descriptors (or a like failure): stop accepting until the next sweep rather than
   * spin on a listening socket that stays ready.
   */
  private void pauseAccepting(IOException e) {
    log.warn("control socket: cannot accept a connection ({}); pausing for {} ms", e, sweepMillis);
    server.keyFor(selector).interestOps(0);
    acceptPaused = true;
  }

  private void accept(SocketChannel channel) throws IOException {
    channel.configureBlocking(false);
    Admission.Verdict verdict = admission.admit(channel);
    // A new connection has the short time to send its first request; later ones the idle time.
    Connection c =
        new Connection(
            channel,
            options.maxLineBytes(),
            System.nanoTime() + requestNanos,
            verdict instanceof Admission.Admitted admitted ? admitted.user() : null);
    c.key = channel.register(selector, 0, c);
    connections.add(c);
    openConnections = connections.size();
    if (verdict instanceof Admission.Refused refused) {
      respond(c, refused.line(), true);
    } else {
      updateInterest(c);
    }
  }

  private void serve(Connection c, SelectionKey key) {
    try {
      if (key.isReadable()) {
        read(c);
      }
      if (key.isValid() && key.isWritable()) {
        flush(c);
      }
    } catch (IOException e) {
      log.debug("control connection failed; closing it", e);
      close(c);
    } catch (RuntimeException e) {
      log.error("control connection failed unexpectedly; closing it", e);
      close(c);
    }
  }

  private void read(Connection c) throws IOException {
    if (c.input.readFrom(c.channel, scratch) < 0) {
      c.inputClosed = true;
      if (c.exchange != null) {
        c.exchange.abandoned().complete(null);
      }
    }
    next(c);
  }

  /** In the reading phase: starts the next buffered request, or closes when there is none left. */
  private void next(Connection c) {
    if (c.phase == Connection.Phase.READING) {
      byte[] line = c.input.nextLine();
      if (line != null) {
        answer(c, line);
      } else if (c.input.overflowed()) {
        log.info("control socket: a request line over {} bytes; closing", options.maxLineBytes());
        respond(
            c,
            Responses.plainError(
                ErrorCode.TOO_LARGE,
                "request line longer than " + options.maxLineBytes() + " bytes; closing"),
            true);
        return;
      } else if (c.inputClosed) {
        close(c);
        return;
      }
    }
    updateInterest(c);
  }

  private void answer(Connection c, byte[] line) {
    c.phase = Connection.Phase.ANSWERING;
    Exchange exchange =
        new Exchange(
            () -> {
              streamed.add(c);
              selector.wakeup();
            });
    c.exchange = exchange;
    if (!runner.start(line, exchange, response -> answered(c, exchange, response))) {
      c.exchange = null;
      respond(c, Responses.plainError(ErrorCode.BUSY, "the daemon is shutting down"), true);
    }
  }

  private void answered(Connection c, Exchange exchange, byte[] response) {
    if (c.key.isValid() && c.phase == Connection.Phase.ANSWERING && c.exchange == exchange) {
      exchange.close();
      c.answer = response;
      writeItems(c);
    }
  }

  /** Writes the items of every connection whose exchange said it has some. */
  private void writeStreamed() {
    for (Connection c; (c = streamed.poll()) != null; ) {
      if (c.key.isValid() && c.phase == Connection.Phase.ANSWERING) {
        writeItems(c);
      }
    }
  }

  /**
   * In the answering phase: writes streamed items while the socket takes them, then the answer line
   * once it is there and every item is out.
   */
  private void writeItems(Connection c) {
    try {
      while (true) {
        if (c.output == null) {
          byte[] item = c.exchange.poll();
          if (item == null) {
            break;
          }
          c.output = ByteBuffer.wrap(item);
        }
        if (!c.writeSome()) {
          updateInterest(c);
          return;
        }
        c.output = null;
      }
    } catch (IOException e) {
      log.debug("control client went away while items were streamed to it", e);
      close(c);
      return;
    }
    if (c.answer != null) {
      byte[] answer = c.answer;
      c.answer = null;
      c.exchange = null;
      respond(c, answer, false);
    } else {
      updateInterest(c);
    }
  }

  /** At stop: a streaming answer that will never end gets a last line saying why, if it fits. */
  private void tellStopping(Connection c) {
    if (c.phase != Connection.Phase.ANSWERING || c.exchange == null || !c.exchange.streaming()) {
      return;
    }
    try {
      if (c.output == null || c.writeSome()) {
        c.channel.write(
            ByteBuffer.wrap(
                Responses.error(c.exchange.id(), ErrorCode.BUSY, "the daemon is stopping")));
      }
    } catch (IOException e) {
      log.debug("control client gone before it could be told the daemon stops", e);
    }
  }

  private void respond(Connection c, byte[] response, boolean thenClose) {
    c.phase = Connection.Phase.WRITING;
    c.output = ByteBuffer.wrap(response);
    c.closeAfterWrite |= thenClose;
    c.deadline = System.nanoTime() + idleNanos;
    try {
      flush(c);
    } catch (IOException e) {
      log.debug("control client went away before its answer", e);
      close(c);
    }
  }

  private void flush(Connection c) throws IOException {
    if (c.phase == Connection.Phase.ANSWERING) {
      writeItems(c);
      return;
    }
    if (c.phase != Connection.Phase.WRITING || !c.writeSome()) {
      updateInterest(c);
      return;
    }
    c.output = null;
    if (c.closeAfterWrite) {
      close(c);
      return;
    }
    c.phase = Connection.Phase.READING;
    c.deadline = System.nanoTime() + idleNanos;
    next(c);
  }

  private void updateInterest(Connection c) {
    if (c.key.isValid()) {
      c.key.interestOps(c.interestOps());
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    if (now - nextSweep < 0) {
      return;
    }
    nextSweep = now + TimeUnit.MILLISECONDS.toNanos(sweepMillis);
    if (acceptPaused) {
      acceptPaused = false;
      server.keyFor(selector).interestOps(SelectionKey.OP_ACCEPT);
    }
    for (Connection c : new ArrayList<>(connections)) {
      if (c.phase != Connection.Phase.ANSWERING && now - c.deadline > 0) {
        log.debug("control socket: closing a connection past its deadline");
        close(c);
      }
    }
  }

  private void close(Connection c) {
    if (!connections.remove(c)) {
      return;
    }
    openConnections = connections.size();
    if (c.user != null) {
      admission.release(c.user);
    }
    c.key.cancel();
    try {
      c.channel.close();
    } catch (IOException e) {
      log.debug("closing a control connection", e);
    }
    if (c.exchange != null) {
      c.exchange.abandoned().complete(null);
    }
  }

  /** Open connections, as of the loop's last accept or close. */
  int connectionCount() {
    return openConnections;
  }
}
