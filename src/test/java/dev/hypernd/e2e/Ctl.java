package dev.hypernd.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypernd.cli.CliContext;
import dev.hypernd.cli.HypernctlMain;
import dev.hypernd.fixtures.ChildJvm;
import dev.hypernd.fixtures.ChildJvm.Run;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real hypernctl against one daemon's socket: in-process through the same picocli factory that
 * {@code main} uses (output through picocli's writers), or as a child JVM.
 */
final class Ctl {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path socket;

  Ctl(Path socket) {
    this.socket = socket;
  }

  /** {@code hypernctl --socket SOCKET ARGS...}, in this JVM, with an empty environment. */
  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cmd = HypernctlMain.commandLine(new CliContext(Map.of(), false, null));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    List<String> line = new ArrayList<>(List.of("--socket", socket.toString()));
    line.addAll(List.of(args));
    int code = cmd.execute(line.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  /** {@code hypernctl --json ARGS...}; fails unless it exits 0. */
  JsonNode json(String... args) {
    List<String> line = new ArrayList<>(List.of("--json"));
    line.addAll(List.of(args));
    Run run = run(line.toArray(String[]::new));
    if (run.code() != 0) {
      throw new AssertionError("hypernctl " + String.join(" ", line) + ": " + run);
    }
    return run.json();
  }

  /** {@code hypernctl submit ARGS...}: the new task's id; fails unless it exits 0. */
  String submit(String... args) {
    List<String> line = new ArrayList<>(List.of("submit"));
    line.addAll(List.of(args));
    Run run = run(line.toArray(String[]::new));
    if (run.code() != 0 || !run.out().matches("sched-\\d+\n")) {
      throw new AssertionError("hypernctl " + String.join(" ", line) + ": " + run);
    }
    return run.out().strip();
  }

  /** {@code hypernctl --json result ID}. */
  JsonNode result(String taskId) {
    return json("result", taskId);
  }

  /**
   * {@code java -cp CLASSPATH dev.hypernd.cli.HypernctlMain ARGS...} as a child process: the real
   * program with its real {@code main}, environment and exit code. ARGS name the socket themselves.
   */
  static Run inChildJvm(String... args) throws IOException, InterruptedException {
    return inChildJvm(HypernctlMain.class, Map.of(), args);
  }

  /**
   * {@code java -cp CLASSPATH MAIN ARGS...} as a child process with {@code env} added to this one's
   * environment (an empty value unsets a variable, as for the C library); its output is read as
   * UTF-8 bytes, whatever the locale.
   */
  static Run inChildJvm(Class<?> main, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return runProcess(ChildJvm.command(main.getName(), args), env);
  }

  /**
   * Runs {@code command} (a launcher, a JVM) to its end with {@code env} added to this process's
   * environment and without {@code HYPERND_SOCKET}; its output is read as UTF-8 bytes.
   */
  static Run runProcess(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("HYPERND_SOCKET");
    builder.environment().putAll(env);
    return ChildJvm.run(builder);
  }
}
