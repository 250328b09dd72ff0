package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.between;
import static dev.hypernd.e2e.Events.event;
import static dev.hypernd.e2e.Events.instant;
import static dev.hypernd.e2e.Events.task;
import static dev.hypernd.e2e.Events.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SIGHUP as design §7 has it: atomic swap of a valid file, an invalid one changes nothing. */
@Tag("e2e")
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DaemonReloadE2ETest {
  private static final Duration SOON = Duration.ofSeconds(15);

  @TempDir Path dir;

  @Test
  void sighupAddsRemovesAndChangesJobsKeepsTheUnchangedPhaseAndRejectsABrokenFile()
      throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(
        file,
        """
        jobs:
          - {name: keep, interval: 1s, command: echo keep}
          - {name: change, interval: 1s, command: echo v1}
          - {name: drop, interval: 1s, at_start: true, command: sleep 2; echo drop done}
        """);
    try (DaemonProcess daemon = DaemonProcess.start(file)) {
      daemon.await(2, event("task.completed", "keep"), SOON);
      daemon.await(event("task.completed", "change"), SOON);
      JsonNode dropRunning = daemon.await(2, event("task.started", "drop"), SOON).get(1);

      Files.writeString(
          file,
          """
          jobs:
            - {name: added, interval: 1s, command: echo added}
            - {name: change, interval: 1s, command: echo v2}
            - {name: keep, interval: 1s, command: echo keep}
          """);
      daemon.signal("HUP");
      JsonNode loaded =
          daemon.await(event("config.loaded").and(e -> !e.get("initial").asBoolean()), SOON);

      assertThat(loaded.get("added").asInt()).isEqualTo(1);
      assertThat(loaded.get("changed").asInt()).isEqualTo(1);
      assertThat(loaded.get("removed").asInt()).isEqualTo(1);
      assertThat(loaded.get("unchanged").asInt()).isEqualTo(1);
      assertThat(loaded.get("duration_ms").asLong())
          .as("a reload does not wait for the removed job's running task")
          .isLessThan(1000);
      JsonNode dropFinished =
          daemon.await(task("task.completed", text(dropRunning, "task_id")), SOON);
      assertThat(daemon.position(dropFinished)).isGreaterThan(daemon.position(loaded));
      daemon.await(event("task.completed", "added"), SOON);
      // A v1 task that was running at the reload may complete after config.loaded; a fire due
      // after config.loaded was logged cannot have fired before the swap, so it must run v2.
      Instant reloaded = instant(loaded, "@timestamp");
      JsonNode changed =
          daemon.await(
              event("task.completed", "change")
                  .and(e -> instant(e, "scheduled_at").isAfter(reloaded)),
              SOON);
      assertThat(text(changed, "result"))
          .as("the first run of the changed job due after the reload runs the new command")
          .isEqualTo("v2\n");

      Files.writeString(
          file,
          """
          jobs:
            - {name: keep, interval: 0s, command: echo keep}
            - {name: broken, cron: "61 * * * *", command: echo never}
          """);
      daemon.signal("HUP");
      JsonNode rejected = daemon.await(event("config.rejected"), SOON);

      assertThat(rejected.get("errors")).hasSize(2);
      assertThat(rejected.get("errors").get(0).get("line").asInt()).isEqualTo(2);
      assertThat(rejected.get("errors").get(1).get("key_path").asText()).contains("cron");
      assertThat(text(rejected, "error")).contains(file + ":2:", file + ":3:");
      daemon.await(3, event("task.completed", "keep").and(after(daemon, rejected)), SOON);
      daemon.await(event("task.completed", "added").and(after(daemon, rejected)), SOON);
      assertThat(daemon.eventsAfter(loaded, event("task.scheduled", "drop")))
          .as("a removed job fires no more")
          .isEmpty();

      List<JsonNode> keepFires = daemon.events(event("task.scheduled", "keep"));
      for (JsonNode fire : keepFires) {
        assertThat(
                between(keepFires.get(0), "scheduled_at", fire, "scheduled_at").toNanos()
                    % 1_000_000_000L)
            .as("the unchanged job keeps its phase through both reloads")
            .isZero();
      }
      daemon.signal("TERM");
      assertThat(daemon.awaitExit(SOON)).isZero();
      daemon.assertEveryLineWasJson();
    }
  }

  /** Events logged after {@code mark}. */
  private static Predicate<JsonNode> after(DaemonProcess daemon, JsonNode mark) {
    int position = daemon.position(mark);
    return e -> daemon.position(e) > position;
  }
}
