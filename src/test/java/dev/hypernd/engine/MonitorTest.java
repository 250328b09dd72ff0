package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hypernd.testing.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MonitorTest {
  private final ManualScheduler m = new ManualScheduler();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger monitorLog = (Logger) LoggerFactory.getLogger(Monitor.class);

  @BeforeEach
  void captureLog() {
    logged.start();
    monitorLog.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    monitorLog.detachAppender(logged);
  }

  @Test
  void hooksSeeStartAndCompletion() {
    List<String> seen = new ArrayList<>();
    m.scheduler()
        .monitor()
        .beforeTask((name, args) -> seen.add("before " + name + " " + args))
        .afterTask(
            (name, result, duration) -> seen.add("after " + name + " " + result + " " + duration));
    TaskSubmitter job =
        m.scheduler()
            .task(
                "work",
                ctx -> {
                  m.clock().advance(Duration.ofMillis(250));
                  return "r";
                });
    m.scheduler().start();

    job.submit("a", 1);

    assertThat(seen).containsExactly("before work [a, 1]", "after work r PT0.25S");
  }

  @Test
  void aHookThatThrowsIsLoggedAndTheTaskStillCompletes() {
    m.scheduler()
        .monitor()
        .beforeTask(
            (name, args) -> {
              throw new IllegalStateException("hook bug");
            });
    TaskSubmitter job = m.scheduler().task("work", ctx -> "fine");
    m.scheduler().start();

    String id = job.submit();

    assertThat(m.result(id).state()).isEqualTo(TaskState.COMPLETED);
    assertThat(logged.list).hasSize(1);
    ILoggingEvent entry = logged.list.get(0);
    assertThat(entry.getFormattedMessage())
        .contains("monitor hook threw on task.started (job work, task sched-1)")
        .contains("hook bug");
    assertThat(entry.getThrowableProxy()).isNotNull();
  }

  @Test
  void eventsArriveInLifecycleOrder() {
    TaskSubmitter job = m.scheduler().task("work", ctx -> "fine");
    m.scheduler().start();

    job.submit();

    assertThat(m.events())
        .extracting(TaskEvent::type)
        .containsExactly(
            TaskEvent.Type.SCHEDULED, TaskEvent.Type.STARTED, TaskEvent.Type.COMPLETED);
  }
}
