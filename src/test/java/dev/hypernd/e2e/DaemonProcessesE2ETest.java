package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static dev.hypernd.e2e.Events.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the daemon does to job processes: timeouts, huge output, shutdown. */
@Tag("e2e")
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DaemonProcessesE2ETest {
  private static final Duration SOON = Duration.ofSeconds(15);

  @TempDir Path dir;

  private Path file(String yaml) throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void aTimedOutJobLeavesNoProcessOfItsTreeBehind() throws Exception {
    try (DaemonProcess daemon =
        DaemonProcess.start(
            file(
                """
                jobs:
                  - name: hang
                    once: {at_start: true}
                    command: [sh, -c, 'sleep 1000 & sleep 1000']
                    timeout: 1s
                """))) {
      daemon.await(event("task.started", "hang"), SOON);
      long session = Sessions.ofChildren(daemon.pid(), 1, SOON).get(0);
      Sessions.awaitMembers(session, 3, SOON);

      JsonNode error = daemon.await(event("task.error", "hang"), SOON);

      assertThat(text(error, "error")).isEqualTo("timeout after 1s");
      assertThat(text(error, "error_type"))
          .isEqualTo("dev.hypernd.jobs.shell.ShellTimeoutException");
      assertThat(Sessions.liveMembers(session))
          .as("the attempt ends only once its processes are gone")
          .isEmpty();
      daemon.await(event("task.failed", "hang"), SOON);
      daemon.signal("TERM");
      assertThat(daemon.awaitExit(SOON)).isZero();
    }
  }

  @Test
  void aJobPrinting100MegabytesLeavesASmallHeapBoundedAndTheOmissionMarked() throws Exception {
    Path hookOutput = dir.resolve("success.json");
    try (DaemonProcess daemon =
        DaemonProcess.start(
            file(
                """
                jobs:
                  - name: flood
                    once: {at_start: true}
                    command: head -c 100000000 /dev/zero | tr '\\0' x; echo; echo last line
                    on_success: cat > "$OUT"
                    env: {OUT: %s}
                """
                    .formatted(hookOutput)),
            List.of("-Xmx64m"),
            Map.of())) {
      JsonNode completed = daemon.await(event("task.completed", "flood"), Duration.ofSeconds(60));
      daemon.signal("TERM");
      assertThat(daemon.awaitExit(SOON)).as("alive and well after 100 MB").isZero();

      assertThat(daemon.stderr()).doesNotContain("OutOfMemoryError");
      assertThat(text(completed, "result")).endsWith("last line\n");
      String result =
          new ObjectMapper().readTree(Files.readString(hookOutput)).get("result").asText();
      assertThat(result).contains("bytes omitted]").endsWith("last line\n");
      assertThat(result.length()).isLessThan(64 * 1024);
    }
  }

  @Test
  void sigtermLetsRunningTasksFinishWithinTheGraceThenKillsTheRestAndExitsZero() throws Exception {
    try (DaemonProcess daemon =
        DaemonProcess.start(
            file(
                """
                jobs:
                  - name: short
                    once: {at_start: true}
                    command: sleep 1; echo finished
                  - name: long
                    once: {at_start: true}
                    command: sleep 1000 & sleep 1000
                """),
            "--grace",
            "3s")) {
      daemon.await(event("task.started", "short"), SOON);
      daemon.await(event("task.started", "long"), SOON);
      List<Long> sessions = Sessions.ofChildren(daemon.pid(), 2, SOON);

      long signalled = System.nanoTime();
      daemon.signal("TERM");
      int exit = daemon.awaitExit(SOON);
      Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);

      assertThat(exit).isZero();
      assertThat(stopping).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(3 + 4));
      assertThat(text(daemon.await(event("task.completed", "short"), SOON), "result"))
          .isEqualTo("finished\n");
      JsonNode killed = daemon.await(event("task.error", "long"), SOON);
      assertThat(text(killed, "error_type")).isEqualTo("dev.hypernd.engine.ShutdownException");
      assertThat(text(killed, "error")).contains("killed at shutdown");
      JsonNode stopped = daemon.await(event("daemon.stopped"), SOON);
      assertThat(stopped.get("killed").asInt()).isEqualTo(1);
      assertThat(daemon.position(daemon.await(event("daemon.stopping"), SOON)))
          .isLessThan(daemon.position(stopped));
      for (long session : sessions) {
        assertThat(Sessions.liveMembers(session)).as("session %d", session).isEmpty();
      }
      daemon.assertEveryLineWasJson();
    }
  }
}
