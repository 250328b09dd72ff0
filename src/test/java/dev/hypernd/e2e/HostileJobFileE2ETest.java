package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static dev.hypernd.e2e.Events.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.fixtures.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Job files that used to hang or crash hypernd (a FIFO, a device, 2,000 levels of nesting, a 10 MB
 * line): {@code validate}, {@code run} and a reload each refuse them with one clear error, exit 2
 * or {@code config.rejected}, and a reload after them still works.
 */
@Tag("e2e")
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileJobFileE2ETest {
  private static final Duration SOON = Duration.ofSeconds(20);
  private static final Duration LIMIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  private Path fifo(String name) throws IOException, InterruptedException {
    Path fifo = dir.resolve(name);
    Files.deleteIfExists(fifo);
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    return fifo;
  }

  private Path deep(String name) throws IOException {
    return Files.writeString(dir.resolve(name), "jobs: " + "[".repeat(2000) + "]".repeat(2000));
  }

  private static void assertRefused(ChildJvm.Run run, String phrase) {
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).contains(phrase).doesNotContain("\tat ", "Error:");
  }

  @Test
  void validateAndRunRefuseHostileFilesWithExitTwoAndOneLine() throws Exception {
    Path longLine =
        Files.writeString(
            dir.resolve("long.yaml"),
            "jobs: [{name: x, interval: 1s, command: \"" + "a".repeat(10_000_000) + "\"}]\n");

    assertRefused(
        DaemonProcess.runToEnd(LIMIT, "validate", deep("deep.yaml").toString()),
        "nest more than 32 levels deep");
    assertRefused(
        DaemonProcess.runToEnd(LIMIT, "validate", fifo("fifo.yaml").toString()),
        "it is a FIFO (named pipe), not a regular file");
    assertRefused(
        DaemonProcess.runToEnd(LIMIT, "validate", "/dev/zero"),
        "it is a character device, not a regular file");
    assertRefused(
        DaemonProcess.runToEnd(LIMIT, "validate", longLine.toString()), "larger than 4 MiB");
    assertRefused(
        DaemonProcess.runToEnd(
            LIMIT,
            "run",
            deep("deep.yaml").toString(),
            "--store",
            "memory",
            "--socket",
            dir.resolve("s.sock").toString()),
        "nest more than 32 levels deep");
  }

  @Test
  void aHostileFileOnReloadIsRejectedAndTheNextReloadStillWorks() throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(file, "jobs: [{name: a, interval: 1s, command: 'true'}]\n");
    try (DaemonProcess daemon = DaemonProcess.start(file, "--store", "memory")) {
      daemon.await(event("daemon.started"), SOON);
      Ctl ctl = new Ctl(dir.resolve("hypernd.sock"));

      fifo("jobs.yaml");
      daemon.signal("HUP");
      JsonNode fromFifo = daemon.await(event("config.rejected"), SOON);
      assertThat(text(fromFifo, "error")).contains("FIFO (named pipe), not a regular file");
      ChildJvm.Run reload = ctl.run("reload");
      assertThat(reload.code()).as("a reload after the FIFO answers: %s", reload).isEqualTo(1);
      assertThat(reload.out() + reload.err()).contains("FIFO (named pipe)");

      Files.delete(file);
      Files.createSymbolicLink(file, Path.of("/dev/zero"));
      daemon.signal("HUP");
      daemon.await(
          event("config.rejected").and(e -> text(e, "error").contains("character device")), SOON);

      Files.delete(file);
      deep("jobs.yaml");
      daemon.signal("HUP");
      daemon.await(
          event("config.rejected").and(e -> text(e, "error").contains("32 levels deep")), SOON);

      Files.writeString(file, "jobs: [{name: b, interval: 1s, command: 'true'}]\n");
      daemon.signal("HUP");
      JsonNode loaded =
          daemon.await(event("config.loaded").and(e -> !e.get("initial").asBoolean()), SOON);
      assertThat(loaded.get("added").asInt()).isEqualTo(1);
      assertThat(loaded.get("removed").asInt()).isEqualTo(1);

      daemon.signal("TERM");
      assertThat(daemon.awaitExit(SOON)).isZero();
      daemon.assertEveryLineWasJson();
    }
  }
}
