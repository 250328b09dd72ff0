package dev.hypernd.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.file.attribute.UserPrincipal;
import java.util.concurrent.CompletableFuture;

/**
 * One client connection, touched only by the selector thread. It is in one of three phases: reading
 * a request, waiting for the answer (the backend works; nothing is read into a new request), or
 * writing the answer. Requests on one connection are answered one at a time, in order.
 */
final class Connection {
  enum Phase {
    READING,
    ANSWERING,
    WRITING
  }

  final SocketChannel channel;
  final LineBuffer input;
  SelectionKey key;
  Phase phase = Phase.READING;
  ByteBuffer output;
  boolean closeAfterWrite;

  /** The client shut down its side: answer what it sent, then close. */
  boolean inputClosed;

  /** Completed if the client goes away while its request is being answered. */
  CompletableFuture<Void> abandoned;

  /** When it is dropped if it is still reading or writing (System.nanoTime()), not answering. */
  long deadline;

  /** Whom the connection counts against; null for a refused one, which counts for nobody. */
  final UserPrincipal user;

  Connection(SocketChannel channel, int maxLine, long deadline, UserPrincipal user) {
    this.channel = channel;
    this.input = new LineBuffer(maxLine);
    this.deadline = deadline;
    this.user = user;
  }

  /** Writes what the socket takes now; true when the whole answer is out. */
  boolean writeSome() throws IOException {
    channel.write(output);
    return !output.hasRemaining();
  }

  /** The interest set for the phase: reading also notices a client that hangs up mid-wait. */
  int interestOps() {
    int ops = 0;
    if (phase == Phase.WRITING) {
      ops |= SelectionKey.OP_WRITE;
    }
    if (!closeAfterWrite && !inputClosed && input.hasRoom()) {
      ops |= SelectionKey.OP_READ;
    }
    return ops;
  }
}
