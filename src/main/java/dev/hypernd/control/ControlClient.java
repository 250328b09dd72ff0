package dev.hypernd.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypernd.control.DaemonUnreachableException.Reason;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends one request to the daemon and reads its answer, or a streaming verb's items and then its
 * answer. Used by hypernctl; it loads neither the engine nor a logging back-end, so that the
 * command starts fast.
 */
public final class ControlClient {
  private final Path socket;

  public ControlClient(Path socket) {
    this.socket = Objects.requireNonNull(socket, "socket");
  }

  public Path socket() {
    return socket;
  }

  /**
   * Sends {@code request} (its {@code verb} and fields) and waits for the answer.
   *
   * @param timeout how long to wait for the answer; {@code null} waits as long as it takes
   * @throws DaemonUnreachableException when nothing answers: no socket, no permission, or no answer
   *     in time
   */
  public ControlResponse call(Map<String, Object> request, Duration timeout)
      throws DaemonUnreachableException {
    ObjectMapper mapper = ControlJson.mapper();
    byte[] line;
    try {
      line = (mapper.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the request cannot be written as JSON: " + request, e);
    }
    try (SocketChannel channel = connect()) {
      byte[] answer = exchange(channel, line, timeout);
      JsonNode response = mapper.readTree(answer);
      return ControlResponse.of(response);
    } catch (DaemonUnreachableException e) {
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      throw new DaemonUnreachableException(
          socket, Reason.NO_ANSWER, "the answer could not be read (" + e + ")", e);
    }
  }

  /**
   * Sends {@code request} to a streaming verb: gives each item's {@code data} to {@code onItem} as
   * it arrives, and returns the answer line that ends the stream. Waits as long as the stream
   * lasts.
   *
   * @throws DaemonUnreachableException when nothing answers, or the daemon closes the connection
   *     before the end of the stream
   */
  public ControlResponse stream(Map<String, Object> request, Consumer<JsonNode> onItem)
      throws DaemonUnreachableException {
    ObjectMapper mapper = ControlJson.mapper();
    byte[] line;
    try {
      line = (mapper.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the request cannot be written as JSON: " + request, e);
    }
    try (SocketChannel channel = connect()) {
      IOException writeFailure = null;
      try {
        for (ByteBuffer out = ByteBuffer.wrap(line); out.hasRemaining(); ) {
          channel.write(out);
        }
      } catch (IOException e) {
        // A refusal is answered and the connection closed, maybe before the request was written.
        writeFailure = e;
      }
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
      for (String answer = in.readLine(); answer != null; answer = in.readLine()) {
        JsonNode response = mapper.readTree(answer);
        if (response != null && response.path("more").asBoolean(false)) {
          onItem.accept(response.path("data"));
        } else {
          return ControlResponse.of(response);
        }
      }
      throw writeFailure != null
          ? writeFailure
          : new IOException("the daemon closed the connection before the end of the stream");
    } catch (DaemonUnreachableException e) {
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      throw new DaemonUnreachableException(
          socket, Reason.NO_ANSWER, "the stream ended without its last line (" + e + ")", e);
    }
  }

  private SocketChannel connect() throws DaemonUnreachableException {
    try {
      SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
      } catch (IOException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw connectFailure(e);
    }
  }

  /**
   * The JDK reports connect failures as SocketExceptions carrying the errno text, which for a path
   * that is no socket at all says "permission denied" or "connection refused": so what is at the
   * path is looked at first.
   */
  private DaemonUnreachableException connectFailure(IOException e) {
    Optional<String> notASocket = notASocket();
    if (notASocket.isPresent()) {
      return new DaemonUnreachableException(
          socket, Reason.NOT_A_SOCKET, "it is " + notASocket.get() + ", not a socket", e);
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("No such file")) {
      return new DaemonUnreachableException(
          socket, Reason.NO_SOCKET, "no socket there (is hypernd running?)", e);
    }
    if (message.contains("Permission denied")) {
      return new DaemonUnreachableException(
          socket,
          Reason.PERMISSION,
          "permission denied (only root, the daemon's user and the socket's group may connect)",
          e);
    }
    return new DaemonUnreachableException(
        socket,
        Reason.NOT_LISTENING,
        "nothing answers there (" + message + "; hypernd is not running)",
        e);
  }

  /** What is at the socket's path (links followed, as connect does), unless it is a socket. */
  private Optional<String> notASocket() {
    try {
      String kind = FileKind.of(socket.toRealPath());
      return kind.equals("a socket") ? Optional.empty() : Optional.of(kind);
    } catch (IOException unreadable) {
      // Missing, or a directory on the way that this user may not enter: connect says which.
      return Optional.empty();
    }
  }

  /** Writes the request and reads one line back, within {@code timeout} if one is given. */
  private byte[] exchange(SocketChannel channel, byte[] request, Duration timeout)
      throws IOException {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    channel.configureBlocking(false);
    try (Selector selector = Selector.open()) {
      SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
      IOException writeFailure =
          write(channel, selector, ByteBuffer.wrap(request), deadline, timeout);
      key.interestOps(SelectionKey.OP_READ);
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      ByteBuffer in = ByteBuffer.allocate(64 * 1024);
      while (true) {
        await(selector, deadline, timeout);
        in.clear();
        int n = channel.read(in);
        if (n < 0) {
          throw writeFailure != null
              ? writeFailure
              : new IOException("the daemon closed the connection without answering");
        }
        for (int i = 0; i < n; i++) {
          if (in.get(i) == '\n') {
            answer.write(in.array(), 0, i);
            return answer.toByteArray();
          }
        }
        answer.write(in.array(), 0, n);
      }
    }
  }

  /**
   * Writes the request. A daemon that refuses a client answers and closes at once, possibly before
   * the request is written; the failure is returned so that the refusal can still be read.
   */
  private IOException write(
      SocketChannel channel, Selector selector, ByteBuffer out, long deadline, Duration timeout)
      throws DaemonUnreachableException {
    try {
      while (out.hasRemaining()) {
        await(selector, deadline, timeout);
        channel.write(out);
      }
      return null;
    } catch (DaemonUnreachableException e) {
      throw e;
    } catch (IOException e) {
      return e;
    }
  }

  private void await(Selector selector, long deadline, Duration timeout) throws IOException {
    selector.selectedKeys().clear();
    while (true) {
      long left = deadline - System.nanoTime();
      if (deadline != Long.MAX_VALUE && left <= 0) {
        throw new DaemonUnreachableException(
            socket,
            Reason.NO_ANSWER,
            "no answer within " + timeout.toSeconds() + "s (is hypernd hung?)",
            null);
      }
      long millis = deadline == Long.MAX_VALUE ? 0 : Math.max(1, left / 1_000_000);
      if (selector.select(millis) > 0) {
        return;
      }
    }
  }
}
