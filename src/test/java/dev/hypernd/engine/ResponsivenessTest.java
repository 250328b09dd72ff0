package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link TaskScheduler#isResponsive}: what a watchdog asks before it says "alive". */
class ResponsivenessTest {
  private static final Duration PATIENCE = Duration.ofSeconds(5);

  @Test
  void aStartedSchedulerIsResponsiveUntilItShutsDown() throws Exception {
    TaskScheduler scheduler = TaskScheduler.builder().periodicClassLoader(null).build();
    assertThat(scheduler.isResponsive(PATIENCE)).as("before start").isFalse();
    scheduler.start();
    try {
      assertThat(scheduler.isResponsive(PATIENCE)).isTrue();
    } finally {
      scheduler.shutdown(Duration.ofSeconds(5));
    }
    assertThat(scheduler.isResponsive(PATIENCE)).as("after shutdown").isFalse();
  }

  @Test
  void aRunningTaskDoesNotMakeTheSchedulerLookStuck() throws Exception {
    TaskScheduler scheduler = TaskScheduler.builder().periodicClassLoader(null).build();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TaskSubmitter slow =
        scheduler.task(
            "slow",
            ctx -> {
              started.countDown();
              release.await();
              return null;
            });
    scheduler.start();
    try {
      slow.submit();
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(scheduler.isResponsive(PATIENCE)).isTrue();
    } finally {
      release.countDown();
      scheduler.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void aManualSchedulerHasNoLoopToWaitFor() throws Exception {
    TaskScheduler scheduler =
        TaskScheduler.builder().periodicClassLoader(null).dispatchThread(false).build();
    scheduler.start();
    try {
      assertThat(scheduler.isResponsive(Duration.ZERO)).isTrue();
    } finally {
      scheduler.shutdown(Duration.ofSeconds(5));
    }
  }
}
