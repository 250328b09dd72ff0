package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static dev.hypernd.e2e.Events.task;
import static dev.hypernd.e2e.Events.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.fixtures.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What jobs and hooks print reaches the daemon's log as task.output and hook.output lines. */
@Tag("e2e")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OutputE2ETest {
  private static final Duration SOON = Duration.ofSeconds(30);

  /** {@code OutputLimits.DEFAULTS}, as README.md documents them. */
  private static final int BURST = 1000;

  private static final int PER_SECOND = 100;

  @TempDir Path dir;

  private Path file(String yaml) throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static void stop(DaemonProcess daemon) throws Exception {
    daemon.signal("TERM");
    assertThat(daemon.awaitExit(SOON)).as("exit code after SIGTERM").isZero();
    daemon.assertEveryLineWasJson();
  }

  @Test
  void eachLineOfAJobAndOfItsHookIsAnEventUnlessTheJobDiscardsItsOutput() throws Exception {
    try (DaemonProcess daemon =
        DaemonProcess.start(
            file(
                """
                jobs:
                  - name: talk
                    once: {}
                    command: 'echo "hello $1"; echo "careful" >&2'
                    on_success: 'echo "hook saw $HYPERN_EVENT"'
                  - name: quiet
                    once: {}
                    output: discard
                    command: echo "kept in the result only"
                """))) {
      Ctl ctl = new Ctl(dir.resolve("hypernd.sock"));
      daemon.await(event("daemon.started"), SOON);
      String talk = ctl.submit("talk", "world");
      String quiet = ctl.submit("quiet");

      JsonNode hook = daemon.await(task("hook.output", talk), SOON);
      JsonNode completed = daemon.await(task("task.completed", quiet), SOON);

      List<JsonNode> lines = daemon.events(task("task.output", talk));
      assertThat(lines)
          .extracting(l -> text(l, "stream") + ": " + text(l, "line"))
          .containsExactlyInAnyOrder("stdout: hello world", "stderr: careful");
      assertThat(lines)
          .allSatisfy(
              l -> {
                assertThat(text(l, "job")).isEqualTo("talk");
                assertThat(l.get("attempt").asInt()).isEqualTo(1);
                assertThat(text(l, "level")).isEqualTo("INFO");
              });
      JsonNode talkCompleted = daemon.await(task("task.completed", talk), SOON);
      assertThat(lines)
          .allSatisfy(
              l -> assertThat(daemon.position(l)).isLessThan(daemon.position(talkCompleted)));
      assertThat(text(hook, "hook")).isEqualTo("on_success");
      assertThat(text(hook, "line")).isEqualTo("hook saw task.completed");
      assertThat(daemon.events(task("task.output", quiet))).isEmpty();
      assertThat(text(completed, "result")).isEqualTo("kept in the result only\n");
      stop(daemon);
    }
  }

  /** A Java job that fails two calls deep, with a cause. */
  public static final class Failing implements java.util.concurrent.Callable<Object> {
    @Override
    public Object call() throws Exception {
      return deeper();
    }

    private static Object deeper() throws Exception {
      throw new IllegalStateException("report failed", new java.io.IOException("disk full"));
    }
  }

  @Test
  void aFailingJavaJobsStackTraceIsInItsTaskErrorAndItsResult() throws Exception {
    try (DaemonProcess daemon =
        DaemonProcess.start(
            file(
                """
                jobs:
                  - name: report
                    once: {}
                    class: %s
                """
                    .formatted(Failing.class.getName())))) {
      Ctl ctl = new Ctl(dir.resolve("hypernd.sock"));
      daemon.await(event("daemon.started"), SOON);
      String id = ctl.submit("report");

      JsonNode error = daemon.await(task("task.error", id), SOON);
      JsonNode failed = daemon.await(task("task.failed", id), SOON);
      ChildJvm.Run result = ctl.run("result", id);

      String trace = text(error, "stack_trace");
      assertThat(trace)
          .startsWith(
              "java.lang.IllegalStateException: report failed\n\tat "
                  + Failing.class.getName()
                  + ".deeper(")
          .contains("\tat " + Failing.class.getName() + ".call(")
          .contains("Caused by: java.io.IOException: disk full")
          .doesNotContain("dev.hypernd.engine");
      assertThat(failed.has("stack_trace")).isFalse();
      assertThat(ctl.result(id).path("error").path("stack_trace").asText()).isEqualTo(trace);
      assertThat(result.out())
          .contains("trace      java.lang.IllegalStateException: report failed");
      stop(daemon);
    }
  }

  /**
   * supercronic #86 wrote 40 GB of logs. 120 MB of output (20 million lines) in a daemon whose heap
   * is 64 MB: it logs at most the burst plus the steady rate over the run, counts every other line
   * in {@code suppressed}, keeps the result's head and tail, and carries on.
   */
  @Test
  void aJobPrintingAHundredAndTwentyMegabytesLogsABoundedNumberOfLines() throws Exception {
    long totalLines = 20_000_000;
    try (DaemonProcess daemon =
        DaemonProcess.start(
            file(
                """
                jobs:
                  - name: flood
                    once: {}
                    command: yes flood | head -n %d
                """
                    .formatted(totalLines)),
            List.of("-Xmx64m"),
            Map.of())) {
      Ctl ctl = new Ctl(dir.resolve("hypernd.sock"));
      daemon.await(event("daemon.started"), SOON);
      String flood = ctl.submit("flood");

      JsonNode completed = daemon.await(task("task.completed", flood), Duration.ofSeconds(90));

      List<JsonNode> output = daemon.events(task("task.output", flood));
      long logged = output.stream().filter(l -> l.has("line")).count();
      long suppressed = output.stream().mapToLong(l -> l.path("suppressed").asLong()).sum();
      double seconds = completed.get("duration_ms").asLong() / 1000.0;
      assertThat(logged + suppressed).as("every line logged or counted").isEqualTo(totalLines);
      assertThat(logged).isLessThanOrEqualTo(BURST + (long) Math.ceil(PER_SECOND * seconds));
      assertThat(output.size() - logged)
          .as("suppressed markers: at most one a second, and one at the end")
          .isLessThanOrEqualTo((long) Math.ceil(seconds) + 1);
      assertThat(output).allSatisfy(l -> assertThat(text(l, "stream")).isEqualTo("stdout"));
      assertThat(ctl.result(flood).get("result").asText())
          .startsWith("flood\n")
          .contains("bytes omitted]");
      String survivor = ctl.submit("flood");
      daemon.await(task("task.completed", survivor), Duration.ofSeconds(90));
      stop(daemon);
    }
  }
}
