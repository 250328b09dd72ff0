package dev.hypernd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.AutoComplete;

/**
 * The shipped completion scripts are exactly what picocli generates from today's command model, so
 * they cannot go stale. To refresh them after changing a verb: {@code mvn test
 * -Dtest=CompletionScriptsTest -Dhypernd.updateCompletion=true}.
 */
class CompletionScriptsTest {
  static final Path BASH = Path.of("packaging/completion/hypernctl.bash");
  static final Path ZSH = Path.of("packaging/completion/hypernctl.zsh");
  private static final String ZSH_HEADER =
      "# zsh completion for hypernctl. Source it from ~/.zshrc:\n"
          + "#   source /path/to/hypernctl.zsh\n"
          + "# It is the bash script below, which runs in zsh through bashcompinit.\n"
          + "# Generated from the picocli model by CompletionScriptsTest; do not edit.\n";

  static String bash() {
    return AutoComplete.bash(
        "hypernctl", HypernctlMain.commandLine(new CliContext(Map.of(), false, Clock.systemUTC())));
  }

  @Test
  void theShippedScriptsMatchTheCommandModel() throws IOException {
    String bash = bash();
    String zsh = ZSH_HEADER + bash;
    if (Boolean.getBoolean("hypernd.updateCompletion")) {
      Files.createDirectories(BASH.getParent());
      Files.writeString(BASH, bash);
      Files.writeString(ZSH, zsh);
    }
    assertThat(BASH).as("stale; regenerate with -Dhypernd.updateCompletion=true").hasContent(bash);
    assertThat(ZSH).as("stale; regenerate with -Dhypernd.updateCompletion=true").hasContent(zsh);
  }

  @Test
  void theGenerateCompletionVerbPrintsTheSameScript() {
    Hypernctl ctl = new Hypernctl(Map.of(), false, java.time.Instant.EPOCH);
    assertThat(ctl.run("generate-completion")).isZero();
    assertThat(ctl.out.strip()).isEqualTo(bash().strip());
  }

  @Test
  void bashCompletesVerbsOptionsAndStates() throws Exception {
    assertThat(complete("hypernctl ta")).isEqualTo("tasks");
    assertThat(complete("hypernctl wait --t")).isEqualTo("--timeout");
    assertThat(complete("hypernctl logs --f")).isEqualTo("--follow");
    assertThat(complete("hypernctl tasks --state "))
        .isEqualTo("PENDING RUNNING RETRYING COMPLETED FAILED CANCELLED");
  }

  /** What bash offers for {@code line}, run through the shipped script. */
  private static String complete(String line) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
    String script =
        "source \"$1\"; read -ra COMP_WORDS <<< \"$2\"; "
            + "[[ \"$2\" == *' ' ]] && COMP_WORDS+=(''); "
            + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE=\"$2\"; "
            + "COMP_POINT=${#COMP_LINE}; _complete_hypernctl 2>/dev/null; echo \"${COMPREPLY[*]}\"";
    Process bash =
        new ProcessBuilder("/bin/bash", "-c", script, "bash", BASH.toString(), line)
            .redirectErrorStream(true)
            .start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
