package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.fixtures.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A crontab converted by the real {@code hypernd import crontab} runs under the real daemon. */
@Tag("e2e")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ImportedCrontabE2ETest {
  @TempDir Path dir;

  @Test
  void anImportedCrontabRunsWithItsVariablesAndStandardInput() throws Exception {
    Path out = dir.resolve("out.txt");
    Path crontab =
        Files.writeString(
            dir.resolve("crontab"),
            "# a user's crontab\n"
                + "GREETING=hello from cron\n"
                + "@reboot { echo \"$GREETING\"; cat; } > "
                + out
                + "%line one%100\\% done\n"
                + "0 3 * * * /usr/bin/nightly\n");

    Path jobFile = dir.resolve("jobs.yaml");
    Process importer =
        new ProcessBuilder(
                ChildJvm.command(ChildJvm.HYPERND, "import", "crontab", crontab.toString()))
            .redirectOutput(jobFile.toFile())
            .redirectError(dir.resolve("import.err").toFile())
            .start();
    assertThat(importer.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(importer.exitValue()).isZero();
    assertThat(Files.readString(dir.resolve("import.err"))).isEmpty();

    try (DaemonProcess daemon = DaemonProcess.start(jobFile)) {
      daemon.await(event("task.completed", "echo"), Duration.ofSeconds(30));
      List<String> jobs = new ArrayList<>();
      daemon
          .events(event("config.loaded"))
          .get(0)
          .get("added_jobs")
          .forEach(n -> jobs.add(n.asText()));
      assertThat(jobs).containsExactlyInAnyOrder("echo", "nightly");
    }
    assertThat(Files.readString(out, StandardCharsets.UTF_8))
        .isEqualTo("hello from cron\nline one\n100% done\n");
  }
}
