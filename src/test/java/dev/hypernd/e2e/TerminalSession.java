package dev.hypernd.e2e;

import dev.hypernd.packaging.Tools;
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
import java.util.stream.Collectors;

/**
 * A shell command line run on a pseudo-terminal, as in a terminal window: util-linux {@code script}
 * gives the shell a terminal for stdin, stdout and stderr, and the line's own redirections ({@code
 * | cat}, {@code < /dev/null}) apply on top. What the terminal shows is read back line by line.
 */
final class TerminalSession implements AutoCloseable {
  private final Process script;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private TerminalSession(Process script) {
    this.script = script;
    this.reader = new Thread(this::read, "terminal-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code commandLine} (for {@code sh -c}) on a new terminal with {@code env} added. Skips
   * the test without {@code script}, or fails in CI.
   */
  static TerminalSession start(String commandLine, Map<String, String> env) throws IOException {
    Path script = Tools.require("script", "bsdutils");
    // -q: no "Script started" banner; -e: its exit status is the command's; the log goes nowhere.
    ProcessBuilder builder =
        new ProcessBuilder(script.toString(), "-qec", commandLine, "/dev/null")
            .redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.environment().put("SHELL", "/bin/sh");
    return new TerminalSession(builder.start());
  }

  /** {@code words} quoted for {@code sh}, joined by spaces. */
  static String shellWords(List<String> words) {
    return words.stream()
        .map(w -> "'" + w.replace("'", "'\\''") + "'")
        .collect(Collectors.joining(" "));
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (this) {
          // A terminal ends lines with CR LF.
          lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
          notifyAll();
        }
      }
    } catch (IOException e) {
      // The session ended.
    }
  }

  /** Waits for a line that matches and returns it. */
  synchronized String await(Predicate<String> filter, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (String line : lines) {
        if (filter.test(line)) {
          return line;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || !reader.isAlive()) {
        throw new AssertionError(
            "waited "
                + timeout.toMillis()
                + " ms for a matching line; the terminal showed:\n"
                + String.join("\n", lines));
      }
      wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    }
  }

  /** Sends SIGTERM to every Java process started in the session, and waits for it to end. */
  List<String> stopJava(Duration timeout) throws InterruptedException {
    script
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .forEach(ProcessHandle::destroy);
    if (!script.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the terminal session did not end within " + timeout);
    }
    reader.join(timeout.toMillis());
    synchronized (this) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (script.isAlive()) {
      script.descendants().forEach(ProcessHandle::destroyForcibly);
      script.destroyForcibly();
      script.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
