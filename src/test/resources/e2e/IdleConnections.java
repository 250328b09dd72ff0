import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by IdleConnectionsE2ETest as another user through java's source launcher: opens N
 * connections to a Unix socket, sends nothing on them, prints "opened N" and holds them until its
 * standard input ends.
 */
public class IdleConnections {
  public static void main(String[] args) throws Exception {
    UnixDomainSocketAddress address = UnixDomainSocketAddress.of(args[0]);
    int count = Integer.parseInt(args[1]);
    List<SocketChannel> held = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      held.add(SocketChannel.open(address));
    }
    System.out.println("opened " + held.size());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Held until the test closes this process's standard input.
    }
  }
}
