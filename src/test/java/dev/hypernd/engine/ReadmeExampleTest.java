package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The README's library example, driven by hand so that it is checked to work as written. */
class ReadmeExampleTest {

  @Test
  void theReadmeExampleWorksAsDescribed() {
    ManualScheduler m = new ManualScheduler();
    TaskScheduler scheduler = m.scheduler;
    AtomicInteger pings = new AtomicInteger();
    AtomicInteger cleanups = new AtomicInteger();
    AtomicInteger sendCalls = new AtomicInteger();
    List<String> errors = new ArrayList<>();

    scheduler.interval("heartbeat", Duration.ofSeconds(60), ctx -> pings.incrementAndGet());
    scheduler.cron(
        "nightly-cleanup",
        "0 3 * * *",
        ZoneId.of("Europe/Berlin"),
        ctx -> cleanups.incrementAndGet());
    TaskSubmitter email =
        scheduler.task(
            "send-email",
            ctx -> {
              if (sendCalls.incrementAndGet() < 3) {
                throw new IOException("smtp down");
              }
              return "sent to " + ctx.arg(0);
            },
            RetryPolicy.builder().maxRetries(3).retryOn(IOException.class).build());
    scheduler
        .monitor()
        .onError((job, error, attempt) -> errors.add(job + " attempt " + attempt + ": " + error));
    scheduler.start();

    String id = email.submit("alice@example.com");
    m.tick(Duration.ofDays(1));

    assertThat(id).isEqualTo("sched-1");
    TaskResult result = scheduler.getResult(id).orElseThrow();
    assertThat(result.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(result.result()).isEqualTo("sent to alice@example.com");
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(errors)
        .containsExactly(
            "send-email attempt 1: java.io.IOException: smtp down",
            "send-email attempt 2: java.io.IOException: smtp down");
    assertThat(pings.get()).isEqualTo(24 * 60);
    assertThat(cleanups.get()).isEqualTo(1);
    Map<String, Object> metrics = scheduler.getMetrics();
    assertThat(metrics)
        .containsEntry("total_submitted", 1L + 24 * 60 + 1)
        .containsEntry("total_retried", 2L);
  }
}
