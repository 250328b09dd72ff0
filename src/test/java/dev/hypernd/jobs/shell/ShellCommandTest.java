package dev.hypernd.jobs.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellCommandTest {

  @Test
  void aScriptRunsUnderShWithTheJobNameAsDollarZero() {
    ShellCommand command = ShellCommand.script("backup", "tar czf \"$1\" /etc");

    assertThat(command.commandLine(List.of("/tmp/a b.tgz")))
        .containsExactly("/bin/sh", "-c", "tar czf \"$1\" /etc", "backup", "/tmp/a b.tgz");
  }

  @Test
  void anArgvCommandGetsTheArgumentsAppended() {
    ShellCommand command =
        ShellCommand.argv("cleanup", List.of("/usr/bin/cleanup", "--older-than"));

    assertThat(command.commandLine(List.of("30d")))
        .containsExactly("/usr/bin/cleanup", "--older-than", "30d");
  }

  @Test
  void partsAreCopied() {
    Map<String, String> env = new HashMap<>(Map.of("A", "1"));
    ShellCommand command =
        ShellCommand.script("job", "true").withEnv(env).withWorkingDirectory(Path.of("/tmp"));
    env.put("B", "2");

    assertThat(command.env()).containsOnlyKeys("A");
    assertThat(command.workingDirectory()).contains(Path.of("/tmp"));
  }

  @Test
  void invalidCommandsAreRejectedNamingTheJob() {
    assertThatThrownBy(() -> ShellCommand.script(" ", "true"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jobName cannot be blank");
    assertThatThrownBy(() -> ShellCommand.script("job", "  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("command of job job cannot be empty: [  ]");
    assertThatThrownBy(() -> ShellCommand.argv("job", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ShellCommand(
                    "job", ShellCommand.Form.SCRIPT, List.of("a", "b"), Map.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one element");
    assertThatThrownBy(() -> ShellCommand.script("job", "true").withEnv(Map.of("A=B", "c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("environment variable name (A=B) of job job is invalid");
    assertThatThrownBy(() -> ShellCommand.script("job", "true").commandLine(List.of("a\0b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
  }

  @Test
  void configValuesAreValidated() {
    assertThatThrownBy(() -> ShellConfig.DEFAULTS.withCapture(-1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("headBytes (-1) must be between 0 and 16777216");
    assertThatThrownBy(() -> ShellConfig.DEFAULTS.withKillGrace(java.time.Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
