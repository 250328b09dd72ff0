package dev.hypernd.control.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One request while it is answered: the signal that its client went away and, for a streaming verb,
 * the items sent before the answer line. Items wait in a bounded queue for the I/O thread; when a
 * client reads too slowly, items are dropped and counted, and a {@code {"dropped": N}} item takes
 * their place once there is room, so a slow or stopped client never holds up the sender (the
 * threads that read jobs' output) nor grows the daemon's memory. The count goes out before the next
 * item that fits, or as soon as the client has taken every queued item.
 */
final class Exchange {
  /** Items waiting for one client at most. */
  static final int MAX_ITEMS = 1000;

  /** Bytes waiting for one client at most. */
  static final int MAX_BYTES = 1 << 20;

  private final CompletableFuture<Void> abandoned = new CompletableFuture<>();
  private final Runnable ready;
  private final ArrayDeque<byte[]> items = new ArrayDeque<>();
  private volatile JsonNode id;
  private volatile boolean streaming;
  private long bytes;
  private long dropped;
  private boolean scheduled;
  private boolean closed;

  /**
   * @param ready called, on the sending thread, when items wait and the I/O thread has not been
   *     told yet
   */
  Exchange(Runnable ready) {
    this.ready = ready;
  }

  /** Completes if the client disconnects (or shuts down its side) before the answer. */
  CompletableFuture<Void> abandoned() {
    return abandoned;
  }

  /** The request's {@code id}, copied into every item; set once the request is parsed. */
  void id(JsonNode id) {
    this.id = id;
  }

  JsonNode id() {
    return id;
  }

  /** Marks a streaming answer: if the server stops first, the client is told it is stopping. */
  void startStream() {
    streaming = true;
  }

  boolean streaming() {
    return streaming;
  }

  /**
   * Queues {@code data} as an item line {@code {"id":…,"ok":true,"more":true,"data":…}}, or counts
   * it as dropped when the client's queue is full. Any thread; never blocks. Ignored once the
   * answer is there.
   *
   * @throws IllegalArgumentException when {@code data} cannot be written as JSON
   */
  void send(Object data) {
    byte[] line = itemLine(id, data);
    boolean tell;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (items.size() >= MAX_ITEMS || bytes + line.length > MAX_BYTES) {
        dropped++;
        return;
      }
      queueDropped();
      queue(line);
      tell = !scheduled;
      scheduled = true;
    }
    if (tell) {
      ready.run();
    }
  }

  /** On the I/O thread: the next item line, or {@code null} when none waits. */
  synchronized byte[] poll() {
    if (items.isEmpty()) {
      queueDropped();
    }
    byte[] line = items.poll();
    if (line == null) {
      scheduled = false;
    } else {
      bytes -= line.length;
    }
    return line;
  }

  /** On the I/O thread, when the answer line is ready: no more items; the last count is queued. */
  synchronized void close() {
    queueDropped();
    closed = true;
  }

  private void queueDropped() {
    if (dropped > 0) {
      queue(itemLine(id, Map.of("dropped", dropped)));
      dropped = 0;
    }
  }

  private void queue(byte[] line) {
    items.add(line);
    bytes += line.length;
  }

  private static byte[] itemLine(JsonNode id, Object data) {
    try {
      return Responses.item(id, data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write a streamed item as JSON: " + data, e);
    }
  }
}
