package dev.hypernd.packaging;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Debian tools the packaging tests run (mandoc, dpkg-deb, lintian, ...). A tool that is not
 * installed skips its test with a message on stderr on a developer's machine, and fails it in CI
 * ({@code CI=true}), where {@code .ci/run} installs them. Tests outside packaging use it too, for
 * tools (prometheus, promtool, script) and for root.
 */
public final class Tools {
  /** What a finished process printed, stdout and stderr together, and its exit status. */
  public record Run(int exitCode, String output) {}

  private Tools() {}

  /** The tool's path on the {@code PATH}, if it is installed. */
  public static Optional<Path> find(String name) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The tool's path; when it is missing, fails in CI and otherwise skips the test, saying so.
   *
   * @param aptPackage the Debian package that brings it, for the message
   */
  public static Path require(String name, String aptPackage) {
    Optional<Path> tool = find(name);
    if (tool.isPresent()) {
      return tool.get();
    }
    unavailable(name + " is not installed (apt-get install " + aptPackage + ")", "CI must have it");
    throw new AssertionError("unreachable");
  }

  /**
   * What a test needs is missing: fails in CI ({@code CI=true}), saying {@code inCi}; elsewhere
   * skips the test with {@code message} on stderr.
   */
  public static void unavailable(String message, String inCi) {
    if ("true".equals(System.getenv("CI"))) {
      fail(message + "; " + inCi);
    }
    System.err.println("SKIPPED: " + message);
    Assumptions.abort(message);
  }

  /** Runs {@code command} in {@code dir} with {@code env} added, for at most 120 s. */
  public static Run run(List<String> command, Path dir, Map<String, String> env) {
    return run(command, dir, env, Duration.ofSeconds(120));
  }

  /** Runs {@code command} in {@code dir} with {@code env} added, for at most {@code limit}. */
  public static Run run(List<String> command, Path dir, Map<String, String> env, Duration limit) {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
    builder.directory(dir.toFile()).redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    try {
      Path output = Files.createTempFile("hypernd-tool", ".out");
      try {
        Process process = builder.redirectOutput(output.toFile()).start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          fail("did not end within " + limit.toSeconds() + " s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  static Run run(List<String> command) {
    return run(command, Path.of("").toAbsolutePath(), Map.of());
  }

  /**
   * Runs {@code command} in the project directory and returns its output; fails unless it exits 0.
   */
  static String ok(List<String> command) {
    Run run = run(command);
    if (run.exitCode() != 0) {
      fail(command + " exited " + run.exitCode() + ":\n" + run.output());
    }
    return run.output();
  }
}
