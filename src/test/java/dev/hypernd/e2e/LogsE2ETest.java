package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static dev.hypernd.e2e.Events.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.fixtures.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code hypernctl logs} against the real daemon: held lines, the result fallback, following. */
@Tag("e2e")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LogsE2ETest {
  private static final Duration SOON = Duration.ofSeconds(30);

  @TempDir Path dir;

  private Path file(String yaml) throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static void stop(DaemonProcess daemon) throws Exception {
    daemon.signal("TERM");
    assertThat(daemon.awaitExit(SOON)).as("exit code after SIGTERM").isZero();
  }

  @Test
  void logsPrintsATasksLinesAndItsHooksAndAfterARestartItsCapturedResult() throws Exception {
    Path jobs =
        file(
            """
            jobs:
              - name: talk
                once: {}
                command: 'echo "hello $1"; echo second'
                on_success: echo "hook saw $HYPERN_TASK_ID"
            """);
    Ctl ctl = new Ctl(dir.resolve("hypernd.sock"));
    String id;
    try (DaemonProcess daemon = DaemonProcess.start(jobs)) {
      daemon.await(event("daemon.started"), SOON);
      id = ctl.submit("talk", "world");
      daemon.await(task("hook.output", id), SOON);

      ChildJvm.Run logs = ctl.run("logs", id);
      ChildJvm.Run job = ctl.run("logs", "--job", "talk");
      JsonNode json = ctl.json("logs", id);

      assertThat(logs.code()).as(logs.toString()).isZero();
      assertThat(logs.out()).isEqualTo("hello world\nsecond\non_success: hook saw " + id + "\n");
      assertThat(job.out())
          .isEqualTo(
              id
                  + ": hello world\n"
                  + id
                  + ": second\n"
                  + id
                  + " on_success: hook saw "
                  + id
                  + "\n");
      assertThat(json.path("held").asBoolean()).isTrue();
      assertThat(json.path("task").path("state").asText()).isEqualTo("COMPLETED");
      assertThat(json.path("lines").get(0).path("stream").asText()).isEqualTo("stdout");
      stop(daemon);
    }
    try (DaemonProcess daemon = DaemonProcess.start(jobs)) {
      daemon.await(event("daemon.started"), SOON);

      ChildJvm.Run logs = ctl.run("logs", id);

      assertThat(logs.code()).as(logs.toString()).isZero();
      assertThat(logs.out()).isEqualTo("hello world\nsecond\n");
      assertThat(logs.err()).contains("holds no output of " + id, "captured result");
      assertThat(ctl.run("logs", "sched-999").code()).isEqualTo(1);
      stop(daemon);
    }
  }

  @Test
  void followingATaskPrintsItsLinesUntilItEndsAndExitsWithItsOutcome() throws Exception {
    Path go = dir.resolve("go");
    try (DaemonProcess daemon =
        DaemonProcess.start(
            file(
                """
                jobs:
                  - name: doomed
                    once: {}
                    command: 'echo started; while [ ! -e "%s" ]; do sleep 0.05; done; echo "disk full" >&2; exit 3'
                """
                    .formatted(go)))) {
      Ctl ctl = new Ctl(dir.resolve("hypernd.sock"));
      daemon.await(event("daemon.started"), SOON);
      String id = ctl.submit("doomed");
      daemon.await(task("task.output", id), SOON);
      Files.createFile(go); // the follower below sees "started" held, then what follows live

      ChildJvm.Run follow = ctl.run("logs", id, "-f");

      assertThat(follow.code()).as(follow.toString()).isEqualTo(1);
      assertThat(follow.out()).isEqualTo("started\ndisk full\n");
      assertThat(follow.err()).contains(id + " ended FAILED: exit status 3");
      stop(daemon);
    }
  }

  /**
   * The real hypernctl in a JVM of its own follows a job: it starts with the running task's held
   * line, then gets each new line of that task and of the next one, until SIGINT (Ctrl-C) ends it.
   */
  @Test
  void followingAJobPrintsItsRunningAndNextTasksLinesUntilCtrlC() throws Exception {
    Path go = dir.resolve("go");
    Path socket = dir.resolve("hypernd.sock");
    try (DaemonProcess daemon =
        DaemonProcess.start(
            file(
                """
                jobs:
                  - name: steps
                    once: {}
                    command: 'echo "$1 started"; while [ ! -e "%s" ]; do sleep 0.05; done; echo "$1 done"'
                """
                    .formatted(go)))) {
      Ctl ctl = new Ctl(socket);
      daemon.await(event("daemon.started"), SOON);
      String first = ctl.submit("steps", "first");
      daemon.await(task("task.output", first), SOON);

      try (Follower follower =
          Follower.start("--socket", socket.toString(), "logs", "--job", "steps", "-f")) {
        follower.awaitLine(first + ": first started");
        Files.createFile(go);
        follower.awaitLine(first + ": first done");
        String second = ctl.submit("steps", "second");
        follower.awaitLine(second + ": second done");

        int code = follower.interrupt();

        assertThat(code).as("exit code after SIGINT").isEqualTo(130);
        assertThat(follower.lines())
            .containsExactly(
                first + ": first started",
                first + ": first done",
                second + ": second started",
                second + ": second done");
      }
      assertThat(ctl.run("status").code()).isZero();
      stop(daemon);
    }
  }

  /** hypernctl in a child JVM, its stdout read line by line as it comes. */
  private static final class Follower implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private Follower(Process process) {
      this.process = process;
      this.reader = new Thread(this::read, "follower-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    static Follower start(String... args) throws IOException {
      List<String> command = new ArrayList<>(ChildJvm.command(ChildJvm.HYPERNCTL));
      command.addAll(List.of(args));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
      builder.environment().remove("HYPERND_SOCKET");
      return new Follower(builder.start());
    }

    private void read() {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          synchronized (this) {
            lines.add(line);
            notifyAll();
          }
        }
      } catch (IOException e) {
        // The process ended.
      }
    }

    synchronized void awaitLine(String expected) throws InterruptedException {
      long deadline = System.nanoTime() + SOON.toNanos();
      while (!lines.contains(expected)) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !process.isAlive()) {
          throw new AssertionError("no line \"" + expected + "\" from hypernctl; got " + lines);
        }
        wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }

    synchronized List<String> lines() {
      return List.copyOf(lines);
    }

    /** Sends SIGINT, as Ctrl-C does, and returns the exit code. */
    int interrupt() throws IOException, InterruptedException {
      Process kill = new ProcessBuilder("kill", "-s", "INT", Long.toString(process.pid())).start();
      assertThat(kill.waitFor()).isZero();
      assertThat(process.waitFor(SOON.toSeconds(), TimeUnit.SECONDS)).isTrue();
      reader.join(5000);
      return process.exitValue();
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }
}
