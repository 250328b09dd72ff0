package dev.hypernd.control.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.file.attribute.UserPrincipal;

/**
 * One client connection, touched only by the selector thread. It is in one of three phases: reading
 * a request, answering it (the backend works; nothing is read into a new request; a streaming
 * verb's items are written as they come), or writing the answer line. Requests on one connection
 * are answered one at a time, in order.
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

  /** The request being answered, in the answering phase; else {@code null}. */
  Exchange exchange;

  /** The answer line, held back while streamed items are still being written. */
  byte[] answer;

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

  /**
   * The interest set for the phase: writing while an answer or a streamed item is unwritten;
   * reading also notices a client that hangs up mid-wait.
   */
  int interestOps() {
    int ops = 0;
    if (phase == Phase.WRITING || output != null) {
      ops |= SelectionKey.OP_WRITE;
    }
    if (!closeAfterWrite && !inputClosed && input.hasRoom()) {
      ops |= SelectionKey.OP_READ;
    }
    return ops;
  }
}
