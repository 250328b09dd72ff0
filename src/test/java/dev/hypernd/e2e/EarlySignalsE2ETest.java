package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static dev.hypernd.e2e.Events.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.fixtures.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals sent while {@code hypernd run} is still starting (systemd and operators may send them at
 * any time) neither end it without a word nor get lost. The JVM logs each class it loads to a file;
 * the signal goes out once {@code RunCommand} is loaded, which main does only after the handlers
 * are in place, and long before the daemon has read its file, opened its store and bound its
 * socket.
 */
@Tag("e2e")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EarlySignalsE2ETest {
  private static final Duration SOON = Duration.ofSeconds(30);

  @TempDir Path dir;

  private DaemonProcess startAndAwaitMain() throws IOException, InterruptedException {
    Path file =
        Files.writeString(
            dir.resolve("jobs.yaml"), "jobs: [{name: a, interval: 1s, command: 'true'}]\n");
    Path classes = dir.resolve("classes.log");
    DaemonProcess daemon =
        DaemonProcess.start(
            file, List.of("-Xlog:class+load=info:file=" + classes), Map.of(), "--store", "memory");
    Poll.until(SOON, () -> loaded(classes), () -> "RunCommand was not loaded in time");
    assertThat(daemon.events(e -> true)).as("nothing logged yet").isEmpty();
    return daemon;
  }

  /** Whether the JVM's class log names RunCommand: main() has begun. */
  private static boolean loaded(Path classes) {
    try {
      return Files.exists(classes)
          && Files.readString(classes).contains("dev.hypernd.daemon.RunCommand ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aSighupWhileStartingIsAnsweredAndLogged() throws Exception {
    try (DaemonProcess daemon = startAndAwaitMain()) {
      daemon.signal("HUP");

      daemon.await(event("daemon.started"), SOON);
      JsonNode answered =
          daemon.await(
              e ->
                  String.valueOf(text(e, "message")).contains("SIGHUP")
                      || ("config.loaded".equals(text(e, "event"))
                          && !e.get("initial").asBoolean()),
              SOON);
      assertThat(answered).isNotNull();
      daemon.signal("TERM");
      assertThat(daemon.awaitExit(SOON)).as(daemon.describe()).isZero();
      daemon.assertEveryLineWasJson();
    }
  }

  @Test
  void aSigtermWhileStartingStopsTheDaemonInOrder() throws Exception {
    try (DaemonProcess daemon = startAndAwaitMain()) {
      daemon.signal("TERM");

      assertThat(daemon.awaitExit(SOON)).as(daemon.describe()).isZero();
      JsonNode stopping = daemon.await(event("daemon.stopping"), SOON);
      assertThat(text(stopping, "reason")).isEqualTo("SIGTERM");
      daemon.await(event("daemon.stopped"), SOON);
    }
  }
}
