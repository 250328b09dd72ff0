package dev.hypernd.daemon;

import static com.github.stefanbirkner.systemlambda.SystemLambda.catchSystemExit;
import static com.github.stefanbirkner.systemlambda.SystemLambda.restoreSystemProperties;
import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemErr;
import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemOut;
import static com.github.stefanbirkner.systemlambda.SystemLambda.withEnvironmentVariable;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.stefanbirkner.systemlambda.SystemLambda.WithEnvironmentVariables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@link HyperndMain#main}: its exit code through {@code System.exit}, the environment it
 * reads, and what it prints on the process's own streams. {@link HyperndMainTest} and {@link
 * RunCommandTest} test the same command line with picocli's writers; these check what only {@code
 * main} does. Only what fails before a daemon would start is run here: a running daemon installs
 * signal handlers and logging for the whole JVM, so it runs in a child JVM (the e2e tests).
 */
class HyperndEntryPointTest {
  private static final String VALID = "jobs: [{name: a, interval: 1m, command: 'true'}]\n";

  @TempDir Path dir;

  /**
   * The environment of this JVM with {@code name=value} pairs set, and without every other variable
   * that would change what hypernd does here.
   */
  private static WithEnvironmentVariables env(String... pairs) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name :
        List.of(
            "JOURNAL_STREAM",
            "STATE_DIRECTORY",
            "XDG_STATE_HOME",
            "HYPERND_SOCKET",
            "HYPERND_METRICS_LISTEN")) {
      values.put(name, null);
    }
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    WithEnvironmentVariables env = null;
    for (Map.Entry<String, String> e : values.entrySet()) {
      env =
          env == null
              ? withEnvironmentVariable(e.getKey(), e.getValue())
              : env.and(e.getKey(), e.getValue());
    }
    return env;
  }

  private Path jobFile() throws Exception {
    return Files.writeString(dir.resolve("jobs.yaml"), VALID);
  }

  @Test
  void versionPrintsAndExitsZero() throws Exception {
    String out = tapSystemOut(() -> assertThat(catchSystemExit(() -> main("--version"))).isZero());
    assertThat(out).startsWith("hypernd ").doesNotContain("${");
  }

  @Test
  void noCommandExitsTwoWithTheUsageOnStderr() throws Exception {
    String err =
        tapSystemErr(
            () -> env().execute(() -> assertThat(catchSystemExit(() -> main())).isEqualTo(2)));
    assertThat(err).contains("hypernd: a command is required", "Try 'hypernd --help'");
  }

  @Test
  void anInvalidJobFileExitsTwoWithEveryError() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "jobs: [{name: a, interval: 0s}]\n");
    String err =
        tapSystemErr(
            () ->
                env()
                    .execute(
                        () ->
                            assertThat(catchSystemExit(() -> main("validate", file.toString())))
                                .isEqualTo(2)));
    assertThat(err).contains(file + ":1:", "interval", "jobs[0] (a)");
  }

  @Test
  void stateDirectoryFromSystemdChoosesTheStateFile() throws Exception {
    Path file = jobFile();
    // A directory where the state file should be: opening it fails, naming the path it chose.
    Path chosen = Files.createDirectories(dir.resolve("systemd-state").resolve("state.db"));
    String err =
        tapSystemErr(
            () ->
                env("STATE_DIRECTORY", chosen.getParent() + ":" + dir.resolve("other"))
                    .execute(
                        () ->
                            assertThat(catchSystemExit(() -> main("run", file.toString())))
                                .isEqualTo(1)));
    assertThat(err).contains("hypernd run: ", chosen.toString());
  }

  @Test
  void xdgStateHomeChoosesTheStateFileOfAUserOtherThanRoot() throws Exception {
    Path file = jobFile();
    Path chosen =
        Files.createDirectories(dir.resolve("xdg").resolve("hypernd").resolve("state.db"));
    String err =
        tapSystemErr(
            () ->
                restoreSystemProperties(
                    () -> {
                      // The daemon asks user.name whether it runs as root; tests may run as root.
                      System.setProperty("user.name", "alice");
                      env("XDG_STATE_HOME", dir.resolve("xdg").toString())
                          .execute(
                              () ->
                                  assertThat(catchSystemExit(() -> main("run", file.toString())))
                                      .isEqualTo(1));
                    }));
    assertThat(err).contains(chosen.toString());
  }

  @Test
  void aBadMetricsListenInTheEnvironmentIsAUsageError() throws Exception {
    Path file = jobFile();
    String err =
        tapSystemErr(
            () ->
                env("HYPERND_METRICS_LISTEN", "localhost")
                    .execute(
                        () ->
                            assertThat(
                                    catchSystemExit(
                                        () -> main("run", file.toString(), "--store", "memory")))
                                .isEqualTo(2)));
    assertThat(err).contains("--metrics-listen", "localhost");
  }

  private static void main(String... args) {
    HyperndMain.main(args);
  }
}
