package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.control.JobView;
import dev.hypernd.daemon.control.SchedulerControlBackend;
import dev.hypernd.engine.store.InMemoryTaskStore;
import dev.hypernd.testing.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code hypernctl jobs} and {@code status} show of a job file's settings. */
class JobViewsOfADaemonTest {
  @TempDir Path dir;

  @Test
  void everyJobShowsItsTimeoutWhetherTheEngineOrTheCommandKeepsIt() throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(
        file,
        """
        defaults: {timeout: 5m}
        jobs:
          - {name: sync, interval: 1m, command: 'true', timeout: 20s}
          - {name: report, interval: 1m, command: 'true'}
          - {name: hello, interval: 1m, class: dev.hypernd.examples.HelloJob, timeout: 2s}
        """);
    InMemoryTaskStore store = new InMemoryTaskStore();
    ManualScheduler hand = new ManualScheduler(store);
    Daemon daemon = HandDrivenDaemons.create(file, hand, store, new RecordingEvents());
    SchedulerControlBackend control =
        new SchedulerControlBackend(
            daemon.scheduler(), () -> DaemonControl.info(daemon), () -> null);

    Map<String, Long> timeouts =
        control.jobs().stream().collect(Collectors.toMap(JobView::name, JobView::timeoutMs));

    assertThat(timeouts)
        .containsEntry("sync", 20_000L)
        .containsEntry("report", 300_000L)
        .containsEntry("hello", 2_000L);
  }
}
