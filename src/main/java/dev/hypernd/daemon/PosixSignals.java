package dev.hypernd.daemon;

import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * The one place that touches {@code sun.misc.Signal} (module {@code jdk.unsupported}), the JDK's
 * only way to handle SIGHUP and to replace the JVM's own SIGTERM/SIGINT handling, which would run
 * shutdown hooks and exit with 143/130 instead of the daemon's orderly stop and exit 0.
 *
 * <p>The JVM runs each handler call on a new thread, so handlers may block briefly but should hand
 * longer work to a thread of their own.
 */
final class PosixSignals {
  private PosixSignals() {}

  /**
   * Calls {@code handler} with the signal's name ({@code HUP}, {@code TERM}, {@code INT}) each time
   * it arrives, instead of the JVM's default action.
   *
   * @throws IllegalArgumentException if the signal is unknown or reserved by the JVM
   */
  static void handle(String name, Consumer<String> handler) {
    Signal.handle(new Signal(name), signal -> handler.accept(signal.getName()));
  }
}
