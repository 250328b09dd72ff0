package dev.hypernd.control.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.control.ControlJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A test client that writes any bytes it is given and reads answer lines. */
public final class RawClient implements AutoCloseable {
  final SocketChannel channel;
  private final OutputStream out;
  private final BufferedReader in;

  public RawClient(Path socket) throws IOException {
    channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    channel.connect(UnixDomainSocketAddress.of(socket));
    out = Channels.newOutputStream(channel);
    in =
        new BufferedReader(
            new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
  }

  public void send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Sends one line and reads one answer line. */
  public JsonNode ask(String line) throws IOException {
    send(line + "\n");
    return readAnswer();
  }

  public JsonNode readAnswer() throws IOException {
    String line = in.readLine();
    if (line == null) {
      throw new IOException("the server closed the connection");
    }
    return ControlJson.mapper().readTree(line);
  }

  /** The next line, or {@code null} at end of stream (or when the server reset the connection). */
  public String readLineOrEnd() {
    try {
      return in.readLine();
    } catch (IOException e) {
      return null;
    }
  }

  public void shutdownOutput() throws IOException {
    channel.shutdownOutput();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
