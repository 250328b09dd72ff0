package dev.hypernd.daemon.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.daemon.DaemonStatus;
import dev.hypernd.daemon.ReloadOutcome;
import dev.hypernd.engine.MetricsSnapshot;
import dev.hypernd.jobs.ReloadDiff;
import dev.hypernd.jobs.config.ConfigError;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusLineTest {
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
  private static final Path FILE = Path.of("/etc/hypernd/jobs.yaml");

  private static DaemonStatus status(int jobs, ReloadOutcome last) {
    return new DaemonStatus(
        "1.0", 1, AT, Duration.ZERO, FILE, AT, jobs, last, "memory", Optional.empty());
  }

  private static MetricsSnapshot tasks(int running, int pending) {
    return new MetricsSnapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), running, pending, 0);
  }

  @Test
  void countsJobsAndTasksAndSaysHowTheLastReloadWent() {
    ReloadOutcome loaded =
        new ReloadOutcome.Loaded(
            FILE, AT, 3, new ReloadDiff(List.of("a"), List.of(), List.of(), List.of()), 8, false);
    assertThat(StatusLine.of(status(8, loaded), tasks(2, 1)))
        .isEqualTo("8 jobs, 2 running, 1 pending, last reload ok");
    assertThat(StatusLine.of(status(1, loaded), tasks(0, 0)))
        .isEqualTo("1 job, 0 running, 0 pending, last reload ok");
  }

  @Test
  void aRejectedReloadIsShownWithItsErrorCount() {
    ConfigError error = new ConfigError(FILE, 3, 5, "jobs[0].cron", "bad");
    ReloadOutcome rejected = new ReloadOutcome.Rejected(FILE, AT, 3, List.of(error, error));
    assertThat(StatusLine.of(status(8, rejected), tasks(0, 0)))
        .isEqualTo(
            "8 jobs, 0 running, 0 pending, last reload rejected (2 errors; the previous"
                + " configuration runs)");
  }
}
