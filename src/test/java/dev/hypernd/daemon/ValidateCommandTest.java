package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.jobs.config.JobFileLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Accepts five-field expressions only, standing in for the cron parser. */
  private int validate(String... args) {
    JobFileLoader loader =
        new JobFileLoader(
            expression ->
                expression.split(" ").length == 5
                    ? Optional.empty()
                    : Optional.of("expected 5 fields"),
            (className, classpath) -> Optional.empty());
    CommandLine cmd = new CommandLine(new ValidateCommand(loader));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  @Test
  void aValidFileExitsZeroAndCountsItsJobs() throws IOException {
    Path file =
        write(
            "jobs.yaml",
            """
            jobs:
              - {name: a, interval: 5s, command: "true"}
              - {name: b, cron: "0 3 * * *", command: [date]}
            """);

    assertThat(validate(file.toString())).isZero();
    assertThat(out).hasToString(file + ": OK (2 jobs)" + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void oneJobIsSingular() throws IOException {
    Path file = write("one.yaml", "jobs: [{name: a, interval: 5s, command: 'true'}]\n");

    assertThat(validate(file.toString())).isZero();
    assertThat(out.toString()).isEqualTo(file + ": OK (1 job)" + System.lineSeparator());
  }

  @Test
  void anInvalidFilePrintsEveryErrorOnePerLineAndExitsTwo() throws IOException {
    Path file =
        write(
            "jobs.yaml",
            """
            jobs:
              - name: a
                interval: fast
                command: "true"
              - name: b
                cron: "0 3 * *"
                command: "true"
            """);

    assertThat(validate(file.toString())).isEqualTo(ValidateCommand.EXIT_INVALID);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .containsExactly(
            file
                + ":3:15: jobs[0] (a).interval: expected a duration such as 30s, 5m, 1h30m or a"
                + " number of seconds, found \"fast\"",
            file
                + ":6:11: jobs[1] (b).cron: invalid cron expression \"0 3 * *\": expected 5 fields");
  }

  @Test
  void aMissingFileNamesThePathAndTheReason() {
    Path missing = dir.resolve("nope.yaml");

    assertThat(validate(missing.toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            missing
                + ": cannot read the job file: No such file or directory"
                + System.lineSeparator());
  }

  @Test
  void withoutAFileItIsAUsageError() {
    assertThat(validate()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
  }

  @Test
  void helpDocumentsTheExitCodes() {
    assertThat(validate("--help")).isZero();
    assertThat(out.toString())
        .contains("Usage: validate", "Exit codes:", "2   the file is invalid");
  }
}
