package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HyperndMainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = HyperndMain.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void versionIsStampedByTheBuild() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString())
        .startsWith("hypernd ")
        .doesNotContain("${")
        .doesNotContain("unknown");
  }

  @Test
  void helpListsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("run", "next", "validate", "Exit codes");
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "hypernd: a command is required: run, next, validate and import\n"
                + "Try 'hypernd --help' for more information.\n");
  }

  @Test
  void anUnknownCommandIsNamedWithTheCommandsThereAre() {
    assertThat(run("bogus")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "hypernd: unknown command 'bogus'; the commands are run, next, validate and import\n"
                + "Try 'hypernd --help' for more information.\n");
    assertThat(run("vaildate")).isEqualTo(2);
    assertThat(err.toString())
        .contains("hypernd: unknown command 'vaildate'; did you mean validate?");
  }

  @Test
  void usageErrorsStartWithTheProgramAndCommand() {
    assertThat(run("run")).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("hypernd run: missing required parameter: 'FILE'\n")
        .endsWith("Try 'hypernd run --help' for more information.\n")
        .doesNotContain("Usage:");
    assertThat(run("next", "61 * * * *")).isEqualTo(2);
    assertThat(err.toString()).contains("\nhypernd next: invalid minute '61' at column 1");
    assertThat(run("next", "--bogus", "@daily")).isEqualTo(2);
    assertThat(err.toString()).contains("\nhypernd next: unknown option: '--bogus'\n");
  }

  @Test
  void theShippedExampleValidatesWithTheRealCronAndClassChecks() {
    Path example = Path.of("jobs.example.yaml").toAbsolutePath();
    int code = run("validate", example.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
  }

  @Test
  void aBadCronInAJobFileCarriesTheCronParsersMessage() throws Exception {
    Path file = java.nio.file.Files.createTempFile("bad-cron", ".yaml");
    java.nio.file.Files.writeString(
        file, "jobs:\n  - name: x\n    cron: \"0 0 30 2 *\"\n    command: echo hi\n");
    assertThat(run("validate", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(":3:").contains("jobs[0] (x).cron").contains("never");
    java.nio.file.Files.delete(file);
  }

  @Test
  void nextIsWiredIn() {
    assertThat(run("next", "0 3 * * *", "--tz", "UTC", "--from", "2026-01-01T00:00:00Z", "-n", "1"))
        .isZero();
    assertThat(out.toString().trim()).isEqualTo("2026-01-01T03:00:00Z");
  }

  @Test
  void aMacroIsNotReadAsAnArgumentFile() {
    assertThat(run("next", "@daily", "--tz", "UTC", "--from", "2026-01-01T00:00:00Z", "-n", "1"))
        .isZero();
    assertThat(out.toString().trim()).isEqualTo("2026-01-02T00:00:00Z");
  }
}
