package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.cron.CronSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code random_delay} as the real daemon plans it, read back with the real hypernctl next. */
@Tag("e2e")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RandomDelayE2ETest {
  private static final Duration SOON = Duration.ofSeconds(30);
  private static final CronSchedule HOURLY = CronSchedule.parse("0 * * * *", ZoneId.of("UTC"));

  @TempDir Path dir;

  private List<Instant> next(String job) {
    JsonNode data = new Ctl(dir.resolve("hypernd.sock")).json("next", job, "-n", "50");
    List<Instant> fires = new ArrayList<>();
    data.get("fires").forEach(fire -> fires.add(Instant.parse(fire.asText())));
    return fires;
  }

  private static void assertWithinBound(List<Instant> fires, Duration bound) {
    Instant due = fires.get(0).minus(bound);
    for (Instant fire : fires) {
      due = HOURLY.nextAfter(due).orElseThrow();
      assertThat(fire).isAfterOrEqualTo(due).isBefore(due.plus(bound));
    }
  }

  @Test
  void theNextFiresAreDelayedWithinTheBoundAndAHostSeedKeepsThemAcrossRestarts() throws Exception {
    Path jobFile =
        Files.writeString(
            dir.resolve("jobs.yaml"),
            """
            jobs:
              - name: fleet
                cron: "0 * * * *"
                timezone: UTC
                command: "true"
                random_delay: 20m
                random_delay_seed: host
              - name: spread
                cron: "0 * * * *"
                timezone: UTC
                command: "true"
                random_delay: 20m
            """);
    List<Instant> fleet;
    try (DaemonProcess daemon = DaemonProcess.start(jobFile)) {
      daemon.await(event("daemon.started"), SOON);
      fleet = next("fleet");
      assertThat(fleet).hasSize(50);
      assertWithinBound(fleet, Duration.ofMinutes(20));
      List<Instant> spread = next("spread");
      assertWithinBound(spread, Duration.ofMinutes(20));
      assertThat(spread).isSorted().doesNotHaveDuplicates();
    }
    try (DaemonProcess again = DaemonProcess.start(jobFile)) {
      again.await(event("daemon.started"), SOON);
      List<Instant> after = next("fleet");
      // The first fire may have passed between the two runs; the rest are the same instants.
      assertThat(after).containsAll(fleet.subList(1, fleet.size()));
    }
  }
}
