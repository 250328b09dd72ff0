package dev.hypernd.jobs.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ShellOutcomeTest {

  private static ShellOutcome outcome(ShellCommand.Form form, int exitValue, String stderr) {
    return ShellOutcome.of(form, exitValue, "", stderr, Duration.ZERO, 1);
  }

  @Test
  void anArgvStatusOf128PlusASignalIsThatSignal() {
    ShellOutcome killed = outcome(ShellCommand.Form.ARGV, 143, "");

    assertThat(killed.signal()).hasValue(15);
    assertThat(killed.succeeded()).isFalse();
    assertThat(killed.describe()).isEqualTo("killed by signal 15 (SIGTERM)");
  }

  @Test
  void aScriptStatusOf128PlusASignalIsAnExitStatusWithAHint() {
    ShellOutcome exited = outcome(ShellCommand.Form.SCRIPT, 143, "");

    assertThat(exited.signal()).isEmpty();
    assertThat(exited.describe()).isEqualTo("exit status 143 (128+SIGTERM)");
  }

  @Test
  void statusesBeyondTheStandardSignalsAreExitStatuses() {
    assertThat(outcome(ShellCommand.Form.ARGV, 200, "").describe()).isEqualTo("exit status 200");
    assertThat(outcome(ShellCommand.Form.ARGV, 128, "").describe()).isEqualTo("exit status 128");
  }

  @Test
  void theDescriptionEndsWithTheLastThreeNonBlankStderrLines() {
    ShellOutcome failed = outcome(ShellCommand.Form.SCRIPT, 1, "one\ntwo\n\nthree\n  \nfour\n\n");

    assertThat(failed.describe()).isEqualTo("exit status 1: two\nthree\nfour");
  }

  @Test
  void aLongStderrExcerptKeepsItsEnd() {
    String stderr = "x".repeat(1000) + "END";

    String description = outcome(ShellCommand.Form.SCRIPT, 2, stderr).describe();

    assertThat(description).startsWith("exit status 2: …x").endsWith("xEND");
    assertThat(description).hasSize("exit status 2: ".length() + 300);
  }

  @Test
  void exceptionsMatchTheOutcome() {
    ShellOutcome exited = outcome(ShellCommand.Form.SCRIPT, 3, "");
    ShellOutcome killed = outcome(ShellCommand.Form.ARGV, 137, "");

    assertThat(ShellJobException.of(exited)).isInstanceOf(ShellExitException.class);
    assertThat(ShellJobException.of(killed)).isInstanceOf(ShellSignalException.class);
    assertThatThrownBy(() -> new ShellExitException(killed))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ShellSignalException(exited))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ShellExitException(
                    new ShellOutcome(0, OptionalInt.empty(), "", "", Duration.ZERO, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
