package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hypernd run} up to the point where it would start: everything that must fail before
 * anything runs. Running daemons are tested in child JVMs (the e2e tests).
 */
class RunCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  private int run(String... args) {
    CommandLine cmd = HyperndMain.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private Path file(String yaml) throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void anInvalidFilePrintsEveryErrorAndExits2() throws Exception {
    Path file = file("jobs:\n  - name: x\n    interval: 0s\n    command: 'true'\n    retri: 3\n");

    assertThat(run("run", file.toString())).isEqualTo(2);

    assertThat(err.toString())
        .contains(
            file + ":3:15: jobs[0] (x).interval: an interval must be at least 100ms, found 0s",
            file + ":5:5: jobs[0] (x).retri: unknown key \"retri\"; did you mean \"retry\"?",
            "nothing was started");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aMissingFileIsSaidToBeMissingNotInvalidAndExits2() {
    Path absent = dir.resolve("absent.yaml");

    assertThat(run("run", absent.toString())).isEqualTo(2);

    assertThat(err.toString())
        .isEqualTo(
            "hypernd run: "
                + absent
                + ": cannot read the job file: No such file or directory; nothing was started\n")
        .doesNotContain("invalid");
  }

  @Test
  void aDirectoryWithoutJobFilesSaysSoOnOneLine() throws Exception {
    Path directory = Files.createDirectory(dir.resolve("jobs.d"));

    assertThat(run("run", directory.toString())).isEqualTo(2);

    assertThat(err.toString())
        .isEqualTo(
            "hypernd run: "
                + directory
                + ": the directory has no *.yaml job files; nothing was started\n");
  }

  @Test
  void storeOptionsAreCheckedBeforeAnythingStarts() throws Exception {
    Path file = file("jobs: [{name: a, interval: 1s, command: 'true'}]");

    assertThat(run("run", file.toString(), "--store", "postgresql://db/hypernd")).isEqualTo(2);
    assertThat(err.toString()).contains("--store postgresql://db/hypernd", "unknown store");

    assertThat(run("run", file.toString(), "--state", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(dir.toString());
    assertThat(out.toString()).isEmpty();

    assertThat(run("run", file.toString(), "--state", "x", "--store", "memory")).isEqualTo(2);
    assertThat(err.toString()).contains("mutually exclusive");
  }

  @Test
  void badOptionValuesAreUsageErrors() throws Exception {
    Path file = file("jobs: [{name: a, interval: 1s, command: 'true'}]");

    assertThat(run("run", file.toString(), "--log-format", "xml")).isEqualTo(2);
    assertThat(err.toString()).contains("expected json or text, found 'xml'");
    assertThat(run("run", file.toString(), "--grace", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("--grace");
  }

  @Test
  void helpDocumentsTheOptionsAndExitCodes() {
    assertThat(run("run", "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--log-format", "--grace", "--socket", "--state", "--store", "Exit codes", "SIGHUP");
  }
}
