package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.jobs.JobFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCrontabCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int importCrontab(String stdin, String... args) {
    CommandLine cmd =
        new CommandLine(
            new ImportCrontabCommand(
                JobFiles.loader(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void readsStandardInputAndPrintsAJobFile() {
    assertThat(importCrontab("*/5 * * * * /usr/bin/poll --quiet\n")).isZero();
    assertThat(out.toString())
        .startsWith("# Converted from standard input by hypernd import crontab.\n")
        .contains(
            """
              - name: "poll"
                cron: "*/5 * * * *"
                command: "/usr/bin/poll --quiet"
            """);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aFileUnderEtcCronDHasAUserColumnAndDashReadsStandardInputToo() throws IOException {
    assertThat(importCrontab("0 1 * * * root /usr/bin/x\n", "--system", "-")).isZero();
    assertThat(out.toString()).contains("command: \"/usr/bin/x\"");
    assertThat(err.toString())
        .isEqualTo(
            "hypernd import crontab: standard input: warning: line 1: runs as root under cron;"
                + " hypernd runs it as the daemon's user\n");
  }

  @Test
  void warningsGoToStandardErrorAndTheFileStillConverts() throws IOException {
    Path crontab = Files.writeString(dir.resolve("tab"), "MAILTO=me\n@daily /bin/true\n");
    assertThat(importCrontab("", crontab.toString())).isZero();
    assertThat(out.toString()).contains("cron: \"@daily\"");
    assertThat(err.toString()).contains(crontab + ": warning: line 1: MAILTO=me:");
  }

  @Test
  void anUnreadableCrontabIsAUsageErrorThatSaysWhy() {
    assertThat(importCrontab("", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "hypernd import crontab: cannot read " + dir.resolve("nope") + ": no such file\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void theCommandIsThereUnderHypernd() {
    CommandLine hypernd = HyperndMain.commandLine();
    assertThat(hypernd.getSubcommands().get("import").getSubcommands()).containsKey("crontab");
  }
}
