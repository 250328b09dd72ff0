package dev.hypernd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.fixtures.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log format {@code hypernd run} picks by itself: short text lines when its stdout is a
 * terminal, JSON when it is anything else, decided on stdout alone; {@code --log-format} wins
 * either way. Each daemon runs in a real pseudo-terminal session.
 */
@Tag("e2e")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TerminalLogE2ETest {
  private static final Duration SOON = Duration.ofSeconds(30);
  private static final String TEXT_LINE = "\\d\\d:\\d\\d:\\d\\d .*";

  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void jobFile() throws Exception {
    file = dir.resolve("jobs.yaml");
    Files.writeString(file, "jobs:\n  - {name: idle, once: {}, command: 'true'}\n");
  }

  /** {@code java … hypernd run FILE ARGS} followed by {@code redirections}, for {@code sh -c}. */
  private String daemon(String redirections, String... args) {
    List<String> command =
        new ArrayList<>(
            ChildJvm.command(
                ChildJvm.HYPERND,
                "run",
                file.toString(),
                "--store",
                "memory",
                "--socket",
                dir.resolve("hypernd.sock").toString()));
    command.addAll(List.of(args));
    return "exec " + TerminalSession.shellWords(command) + redirections;
  }

  /** Runs the line in a terminal until the daemon has started, stops it, returns what it showed. */
  private List<String> run(String commandLine) throws Exception {
    try (TerminalSession terminal = TerminalSession.start(commandLine, Map.of())) {
      terminal.await(line -> line.contains("started"), SOON);
      return terminal.stopJava(SOON);
    }
  }

  @Test
  void onATerminalTheLogIsShortTextLines() throws Exception {
    List<String> lines = run(daemon(""));

    assertThat(lines).isNotEmpty().allMatch(line -> line.matches(TEXT_LINE));
    assertThat(lines).anyMatch(line -> line.endsWith(" loaded " + file + ": 1 job"));
    assertThat(lines).anyMatch(line -> line.matches(TEXT_LINE + " started \\(pid \\d+\\): .*"));
    assertThat(lines)
        .anyMatch(line -> line.endsWith(" stopping on SIGTERM; running tasks get 30s"));
  }

  @Test
  void stdinThatIsNotATerminalDoesNotMatter() throws Exception {
    // System.console() is null here, although a person reads the output.
    List<String> lines = run(daemon(" < /dev/null"));

    assertThat(lines).isNotEmpty().allMatch(line -> line.matches(TEXT_LINE));
  }

  @Test
  void throughAPipeTheLogIsJsonEvenInATerminal() throws Exception {
    List<String> lines = run(daemon(" | cat"));

    assertThat(lines).isNotEmpty().allMatch(line -> line.startsWith("{\"@timestamp\":"));
  }

  @Test
  void theOptionWinsEitherWay() throws Exception {
    assertThat(run(daemon("", "--log-format", "json")))
        .isNotEmpty()
        .allMatch(line -> line.startsWith("{\"@timestamp\":"));
    assertThat(run(daemon(" | cat", "--log-format", "text")))
        .isNotEmpty()
        .allMatch(line -> line.matches(TEXT_LINE));
  }
}
