package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypernd.testing.ManualClock;
import dev.hypernd.testing.ManualScheduler;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {

  @Test
  void startingTwiceNeverRunsTwoLoops() throws Exception {
    TaskScheduler scheduler = TaskScheduler.builder().periodicClassLoader(null).build();
    try {
      assertThat(scheduler.start()).isTrue();
      assertThat(scheduler.start()).isFalse();
      assertThat(dispatchThreads()).isEqualTo(1);
    } finally {
      scheduler.shutdown(Duration.ofSeconds(5));
    }
    assertThat(dispatchThreads()).isZero();
  }

  private static long dispatchThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("hypernd-dispatch") && t.isAlive())
        .count();
  }

  @Test
  void realTimeSchedulerRunsADelayedTask() throws Exception {
    TaskScheduler scheduler = TaskScheduler.builder().periodicClassLoader(null).build();
    CountDownLatch ran = new CountDownLatch(1);
    TaskSubmitter job =
        scheduler.task(
            "later",
            ctx -> {
              ran.countDown();
              return null;
            });
    scheduler.start();
    try {
      String id = job.submitAfter(Duration.ofMillis(50));
      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
      TaskResult result = awaitFinished(scheduler, id);
      assertThat(result.state()).isEqualTo(TaskState.COMPLETED);
      assertThat(result.startedAt()).isAfterOrEqualTo(result.scheduledAt());
    } finally {
      scheduler.shutdown(Duration.ofSeconds(5));
    }
  }

  private static TaskResult awaitFinished(TaskScheduler scheduler, String id) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    scheduler
        .monitor()
        .onEvent(
            e -> {
              if (id.equals(e.taskId()) && e.type() == TaskEvent.Type.COMPLETED) {
                done.countDown();
              }
            });
    if (!scheduler.getResult(id).orElseThrow().state().isFinished()) {
      done.await(10, TimeUnit.SECONDS);
    }
    return scheduler.getResult(id).orElseThrow();
  }

  @Test
  void shutdownInterruptsTasksStillRunningAfterTheGracePeriod() throws Exception {
    TaskScheduler scheduler = TaskScheduler.builder().periodicClassLoader(null).build();
    CountDownLatch started = new CountDownLatch(1);
    TaskSubmitter job =
        scheduler.task(
            "stubborn",
            ctx -> {
              started.countDown();
              new CountDownLatch(1).await();
              return null;
            },
            RetryPolicy.builder().maxRetries(1).build());
    scheduler.start();
    String id = job.submit();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    scheduler.shutdown(Duration.ofMillis(100));

    TaskResult result = scheduler.getResult(id).orElseThrow();
    // Retryable, so it is left RETRYING for a durable store to resume after a restart.
    assertThat(result.state()).isEqualTo(TaskState.RETRYING);
    assertThat(result.error().type()).isEqualTo(ShutdownException.class.getName());
    assertThat(result.error().message()).contains("grace period of 100ms");
  }

  @Test
  void periodicTasksAreDiscoveredAndRegisteredAtStart(@TempDir Path dir) throws IOException {
    ManualClock clock = new ManualClock(ManualScheduler.START);
    TaskScheduler scheduler =
        TaskScheduler.builder()
            .clock(clock)
            .executor(Runnable::run)
            .dispatchThread(false)
            .periodicClassLoader(loaderListing(dir, EveryMinute.class))
            .build();
    assertThat(scheduler.jobs()).isEmpty();

    scheduler.start();

    assertThat(scheduler.jobs()).extracting(JobInfo::name).containsExactly("every-minute");
    clock.advance(Duration.ofMinutes(1));
    scheduler.runDue();
    assertThat(scheduler.getMetrics()).containsEntry("total_completed", 1L);
  }

  @Test
  void aPeriodicTaskWithoutItsAnnotationStopsStartWithItsName(@TempDir Path dir)
      throws IOException {
    TaskScheduler scheduler =
        TaskScheduler.builder()
            .dispatchThread(false)
            .executor(Runnable::run)
            .periodicClassLoader(loaderListing(dir, Unannotated.class))
            .build();
    assertThatThrownBy(scheduler::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Unannotated.class.getName())
        .hasMessageContaining("no @Periodic annotation");
  }

  @Test
  void periodicNeedsExactlyOneSchedule() {
    assertThatThrownBy(() -> PeriodicDiscovery.define(new Both()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exactly one of everySeconds and cron");
  }

  /** A class loader that lists {@code type} as a PeriodicTask service, like a job's jar would. */
  private static ClassLoader loaderListing(Path dir, Class<?> type) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(PeriodicTask.class.getName()), type.getName() + "\n");
    return new URLClassLoader(
        new URL[] {dir.toUri().toURL()}, LifecycleTest.class.getClassLoader());
  }

  @Periodic(name = "every-minute", everySeconds = 60)
  public static final class EveryMinute implements PeriodicTask {
    @Override
    public Object run(TaskContext context) {
      return "tick";
    }
  }

  public static final class Unannotated implements PeriodicTask {
    @Override
    public Object run(TaskContext context) {
      return null;
    }
  }

  @Periodic(everySeconds = 5, cron = "* * * * *")
  public static final class Both implements PeriodicTask {
    @Override
    public Object run(TaskContext context) {
      return null;
    }
  }
}
