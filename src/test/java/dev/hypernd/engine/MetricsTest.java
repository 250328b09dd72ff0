package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypernd.fixtures.MetricsKeys;
import dev.hypernd.testing.ManualScheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private final ManualScheduler m = new ManualScheduler();

  @Test
  void snapshotHasExactlyTheReferenceKeysThenTheExtras() {
    assertThat(m.scheduler().getMetrics().keySet()).containsExactlyElementsOf(MetricsKeys.ALL);
  }

  @Test
  void knownSequenceGivesKnownNumbers() {
    TaskSubmitter job =
        m.scheduler()
            .task(
                "work",
                ctx -> {
                  long ms = (Long) ctx.arg(0);
                  m.clock().advance(Duration.ofMillis(ms));
                  if (ms < 0 || ctx.args().size() > 1) {
                    throw new IOException("disk full");
                  }
                  return ms;
                });
    TaskSubmitter other =
        m.scheduler()
            .task(
                "other",
                ctx -> {
                  throw new IllegalStateException("bad");
                });
    m.scheduler().start();
    for (int i = 0; i < 98; i++) {
      job.submit(100L);
    }
    job.submit(1000L, "fail");
    job.submit(1000L, "fail");
    other.submit();
    String pending = job.submitAfter(Duration.ofHours(1), 1L);
    m.scheduler().cancel(pending);

    Map<String, Object> all = m.scheduler().getMetrics();
    assertThat(all)
        .containsEntry("total_submitted", 102L)
        .containsEntry("total_completed", 98L)
        .containsEntry("total_failed", 3L)
        .containsEntry("total_cancelled", 1L)
        .containsEntry("total_retried", 0L)
        .containsEntry("success_rate", 97.03)
        .containsEntry("running", 0)
        .containsEntry("pending", 0);
    assertThat((Double) all.get("avg_duration_ms")).isBetween(115.0, 120.0);
    assertThat((Double) all.get("p95_duration_ms")).isBetween(99.0, 101.0);
    assertThat((Double) all.get("p99_duration_ms")).isBetween(990.0, 1010.0);
    assertThat(all.get("top_errors"))
        .isEqualTo(
            List.of(
                Map.of("type", "java.io.IOException", "count", 2L),
                Map.of("type", "java.lang.IllegalStateException", "count", 1L)));

    Map<String, Object> perJob = m.scheduler().getMetrics("other");
    assertThat(perJob)
        .containsEntry("total_submitted", 1L)
        .containsEntry("total_failed", 1L)
        .containsEntry("success_rate", 0.0);
  }

  @Test
  void pendingAndRunningAreCounted() {
    TaskSubmitter job =
        m.scheduler()
            .task(
                "work",
                ctx -> {
                  Map<String, Object> during = m.scheduler().getMetrics();
                  assertThat(during).containsEntry("running", 1).containsEntry("pending", 1);
                  return null;
                });
    m.scheduler().start();
    job.submitAfter(Duration.ofMinutes(1));
    job.submit();
    assertThat(m.events(TaskEvent.Type.COMPLETED)).hasSize(1);
  }

  @Test
  void uptimeCountsFromStart() {
    m.scheduler().start();
    m.tick(Duration.ofSeconds(90));
    assertThat(m.scheduler().getMetrics()).containsEntry("uptime_s", 90L);
  }

  @Test
  void unknownJobMetricsAreAnError() {
    assertThatThrownBy(() -> m.scheduler().getMetrics("nope"))
        .isInstanceOf(NoSuchJobException.class);
  }
}
