package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Signals that arrive while the daemon starts, delivered by hand. */
@Timeout(30)
class DaemonSignalsTest {
  private final Map<String, Consumer<String>> handlers = new HashMap<>();
  private final DaemonSignals signals = DaemonSignals.install(handlers::put);
  private final LinkedBlockingQueue<Integer> reloads = new LinkedBlockingQueue<>();
  private int reloadCount;

  private void send(String name) {
    handlers.get(name).accept(name);
  }

  private Runnable countingReload() {
    return () -> reloads.add(++reloadCount);
  }

  /** The number of the next reload to run, within a deadline. */
  private int nextReload() throws InterruptedException {
    Integer n = reloads.poll(10, TimeUnit.SECONDS);
    assertThat(n).as("a reload ran").isNotNull();
    return n;
  }

  @Test
  void handlesHupTermAndIntAtOnce() {
    assertThat(handlers).containsOnlyKeys("HUP", "TERM", "INT");
  }

  @Test
  void aSighupBeforeTheFirstReadIsFoldedIntoIt() throws Exception {
    send("HUP");
    send("HUP");
    signals.reading();
    signals.daemonReady(countingReload());

    send("HUP");
    assertThat(nextReload()).as("only the SIGHUP after the start reloads").isEqualTo(1);
  }

  @Test
  void aSighupWhileTheFileIsReadReloadsOnceTheDaemonIsReady() throws Exception {
    signals.reading();
    send("HUP");
    send("HUP");
    assertThat(reloads).isEmpty();

    signals.daemonReady(countingReload());

    assertThat(nextReload()).isEqualTo(1);
    send("HUP");
    assertThat(nextReload()).isEqualTo(2);
  }

  @Test
  void aStopWhileStartingIsKeptForWhenTheDaemonWaitsForIt() throws Exception {
    signals.reading();
    send("TERM");
    send("INT");
    signals.daemonReady(countingReload());

    assertThat(signals.awaitStop()).isEqualTo("SIGTERM");
  }
}
