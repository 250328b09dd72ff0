package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static dev.hypernd.e2e.Events.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.fixtures.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The launchers people run, a clone's {@code bin/} and the Debian package's, in the C locale
 * ({@code LANG} empty, {@code LC_ALL=C}): a job's accented output reaches the log and hypernctl as
 * written, and hypernd's own messages keep their characters. After {@code package}, on the jar the
 * build made.
 */
@Tag("e2e")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LaunchersInTheCLocaleIT {
  private static final Duration SOON = Duration.ofSeconds(30);
  private static final String WORDS = "café – naïve ✓";
  private static final Map<String, String> C_LOCALE =
      Map.of("LANG", "", "LC_ALL", "C", "LC_CTYPE", "");

  @TempDir Path dir;

  /** A pair of launchers and the environment they need. */
  record Launchers(String name, Path hypernd, Path hypernctl, Map<String, String> env) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> launchers() {
    Path root = Path.of("").toAbsolutePath();
    Map<String, String> packaged =
        Map.of(
            "HYPERND_JAR", root.resolve("target/hypernd.jar").toString(),
            "JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return Stream.of(
        Arguments.of(
            new Launchers(
                "bin/", root.resolve("bin/hypernd"), root.resolve("bin/hypernctl"), Map.of())),
        Arguments.of(
            new Launchers(
                "Debian package",
                root.resolve("packaging/deb/bin/hypernd"),
                root.resolve("packaging/deb/bin/hypernctl"),
                packaged)));
  }

  private static Map<String, String> env(Launchers launchers) {
    Map<String, String> env = new HashMap<>(C_LOCALE);
    env.putAll(launchers.env());
    return env;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("launchers")
  void aJobsAccentedOutputReachesTheLogAndHypernctl(Launchers launchers) throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(
        file,
        "jobs:\n  - {name: words, once: {at_start: true}, command: \"printf '" + WORDS + "'\"}\n");
    String socket = dir.resolve("hypernd.sock").toString();
    List<String> run =
        List.of(
            launchers.hypernd().toString(),
            "run",
            file.toString(),
            "--log-format",
            "json",
            "--store",
            "memory",
            "--socket",
            socket);
    try (DaemonProcess daemon = DaemonProcess.launch(run, env(launchers))) {
      JsonNode done = daemon.await(event("task.completed", "words"), SOON);
      ChildJvm.Run json =
          run(
              launchers,
              launchers.hypernctl(),
              "--socket",
              socket,
              "--json",
              "result",
              text(done, "task_id"));

      assertThat(text(done, "result")).isEqualTo(WORDS);
      assertThat(json.out()).as(json.err()).contains("\"result\" : \"" + WORDS + "\"");
      daemon.signal("TERM");
      assertThat(daemon.awaitExit(SOON)).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("launchers")
  void validateKeepsTheCharactersOfItsMessages(Launchers launchers) throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(
        file, "jobs:\n  - {name: x, interval: 1s, command: 'true', retry: {retry_on: [0]}}\n");

    ChildJvm.Run run = run(launchers, launchers.hypernd(), "validate", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("expected 1–255");
  }

  private static ChildJvm.Run run(Launchers launchers, Path program, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(program.toString()));
    command.addAll(List.of(args));
    return Ctl.runProcess(command, env(launchers));
  }
}
