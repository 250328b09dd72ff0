package dev.hypernd.daemon.journal;

import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Sends entries to journald's native socket, one datagram each, as sd_journal_send(3) does. The
 * kernel attaches the sender's credentials, from which journald adds the trusted fields ({@code
 * _PID}, {@code _SYSTEMD_UNIT}, ...), so {@code journalctl -u hypernd} finds them. Not thread-safe:
 * the appender that owns it sends one entry at a time.
 */
public final class JournalSocket implements AutoCloseable {
  /** Where journald listens for the native protocol (sd-journal's fixed path). */
  public static final Path SYSTEM = Path.of("/run/systemd/journal/socket");

  /** An entry too large for one datagram is sent again with its values cut to this length. */
  static final int TRUNCATED_VALUE = 4096;

  private final AFUNIXDatagramChannel channel;
  private final AFUNIXSocketAddress target;
  private final Path path;

  private JournalSocket(AFUNIXDatagramChannel channel, AFUNIXSocketAddress target, Path path) {
    this.channel = channel;
    this.target = target;
    this.path = path;
  }

  /** A sender to the socket at {@code path}, if one is there; empty when there is none. */
  public static Optional<JournalSocket> open(Path path) throws IOException {
    if (!Files.exists(path) || Files.isRegularFile(path) || Files.isDirectory(path)) {
      return Optional.empty();
    }
    AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open();
    return Optional.of(new JournalSocket(channel, AFUNIXSocketAddress.of(path), path));
  }

  /**
   * Sends {@code entry}; one larger than a datagram may be (the socket's send buffer) is sent with
   * shorter values.
   *
   * @throws IOException if journald does not take it (gone, restarting, or full)
   */
  public void send(JournalEntry entry) throws IOException {
    try {
      channel.send(ByteBuffer.wrap(entry.encode()), target);
    } catch (SocketException e) {
      if (!String.valueOf(e.getMessage()).contains("too long")) {
        throw e;
      }
      channel.send(ByteBuffer.wrap(entry.truncated(TRUNCATED_VALUE).encode()), target);
    }
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
