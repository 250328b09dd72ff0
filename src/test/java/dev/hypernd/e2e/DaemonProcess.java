package dev.hypernd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypernd.fixtures.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real {@code hypernd run} in a child JVM on the test's classpath, its stdout parsed as JSON
 * lines as they arrive. Tests wait for events with deadlines; nothing sleeps for a fixed time.
 */
final class DaemonProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final List<JsonNode> events = new ArrayList<>();
  private final List<String> notJson = new ArrayList<>();
  private final StringBuilder stderr = new StringBuilder();
  private final Thread stdoutReader;
  private final Thread stderrReader;

  private DaemonProcess(Process process) {
    this.process = process;
    this.stdoutReader = daemonThread("daemon-stdout", this::readStdout);
    this.stderrReader = daemonThread("daemon-stderr", this::readStderr);
  }

  private static Thread daemonThread(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Starts {@code hypernd run FILE --log-format json ARGS...} with the given JVM options, and with
   * {@code --state} and {@code --socket} beside the job file unless ARGS choose them.
   */
  static DaemonProcess start(
      Path jobFile, List<String> jvmOptions, Map<String, String> env, String... args)
      throws IOException {
    return start(System.getProperty("java.class.path"), jobFile, jvmOptions, env, args);
  }

  /** As {@link #start(Path, List, Map, String...)}, on {@code classpath}, such as the built jar. */
  static DaemonProcess start(
      String classpath,
      Path jobFile,
      List<String> jvmOptions,
      Map<String, String> env,
      String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            ChildJvm.command(
                classpath,
                jvmOptions,
                ChildJvm.HYPERND,
                List.of("run", jobFile.toString(), "--log-format", "json")));
    command.addAll(List.of(args));
    if (!command.contains("--state") && !command.contains("--store")) {
      // Never the user's default state file: each test's daemon keeps state beside its job file.
      command.addAll(List.of("--state", jobFile.resolveSibling("state.db").toString()));
    }
    if (!command.contains("--socket")) {
      command.addAll(List.of("--socket", jobFile.resolveSibling("hypernd.sock").toString()));
    }
    return launch(command, env);
  }

  /**
   * Starts {@code command}, a complete command line such as a launcher's {@code hypernd run …},
   * with {@code env} added to this process's environment.
   */
  static DaemonProcess launch(List<String> command, Map<String, String> env) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    // Nor the user's metrics listener: a test that wants one passes it.
    builder.environment().remove("HYPERND_METRICS_LISTEN");
    builder.environment().putAll(env);
    DaemonProcess daemon = new DaemonProcess(builder.start());
    daemon.stdoutReader.start();
    daemon.stderrReader.start();
    return daemon;
  }

  static DaemonProcess start(Path jobFile, String... args) throws IOException {
    return start(jobFile, List.of(), Map.of(), args);
  }

  /**
   * {@code hypernd ARGS...} in a child JVM, such as {@code validate FILE}, run to its end; fails if
   * it takes longer than {@code limit}.
   */
  static ChildJvm.Run runToEnd(Duration limit, String... args)
      throws IOException, InterruptedException {
    return ChildJvm.run(new ProcessBuilder(ChildJvm.command(ChildJvm.HYPERND, args)), limit);
  }

  long pid() {
    return process.pid();
  }

  private void readStdout() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode node = null;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          // kept below
        }
        synchronized (this) {
          if (node != null && node.isObject()) {
            events.add(node);
          } else {
            notJson.add(line);
          }
          notifyAll();
        }
      }
    } catch (IOException e) {
      // The process ended.
    }
  }

  private void readStderr() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (this) {
          stderr.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      // The process ended.
    }
  }

  /** Every event so far that matches. */
  synchronized List<JsonNode> events(Predicate<JsonNode> filter) {
    return events.stream().filter(filter).toList();
  }

  /** Where {@code event} is in the log; later events have larger positions. */
  synchronized int position(JsonNode event) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) == event) {
        return i;
      }
    }
    throw new AssertionError("not an event of this daemon: " + event);
  }

  /** Events after {@code mark} (exclusive) that match. */
  synchronized List<JsonNode> eventsAfter(JsonNode mark, Predicate<JsonNode> filter) {
    return events.subList(position(mark) + 1, events.size()).stream().filter(filter).toList();
  }

  /** Waits until {@code count} events match, and returns the first {@code count}. */
  synchronized List<JsonNode> await(int count, Predicate<JsonNode> filter, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<JsonNode> matching = events(filter);
      if (matching.size() >= count) {
        return matching.subList(0, count);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || (!process.isAlive() && !stdoutReader.isAlive())) {
        throw new AssertionError(
            "waited "
                + timeout.toMillis()
                + " ms for "
                + count
                + " matching events, saw "
                + matching.size()
                + "\n"
                + describe());
      }
      wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    }
  }

  JsonNode await(Predicate<JsonNode> filter, Duration timeout) throws InterruptedException {
    return await(1, filter, timeout).get(0);
  }

  /** Sends a signal by name ({@code HUP}, {@code TERM}, {@code INT}). */
  void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid())).start();
    assertThat(kill.waitFor()).as("kill -s %s", name).isZero();
  }

  /**
   * {@code kill -9} of the daemon alone, a crash: its job processes live on, as they would outside
   * a cgroup. Through the handle, because {@code Process.destroyForcibly} would also close the
   * pipes and lose the last log lines.
   */
  void crash() {
    process.toHandle().destroyForcibly();
  }

  /** Waits for the daemon to exit and for its output to be read; returns the exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the daemon did not exit within " + timeout + "\n" + describe());
    }
    stdoutReader.join(5000);
    stderrReader.join(5000);
    return process.exitValue();
  }

  synchronized String stderr() {
    return stderr.toString();
  }

  /** Every stdout line must have been a JSON object. */
  synchronized void assertEveryLineWasJson() {
    assertThat(notJson).as("stdout lines that are not JSON objects").isEmpty();
  }

  synchronized String describe() {
    StringBuilder out = new StringBuilder("--- last stdout lines:\n");
    for (JsonNode event : events.subList(Math.max(0, events.size() - 40), events.size())) {
      out.append(event).append('\n');
    }
    notJson.forEach(line -> out.append("(not JSON) ").append(line).append('\n'));
    return out.append("--- stderr:\n").append(stderr).toString();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
