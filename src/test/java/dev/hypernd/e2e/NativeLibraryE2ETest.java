package dev.hypernd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon whose SQLite native library cannot be loaded says so, rather than blaming the state
 * file: that is what a host with {@code /tmp} mounted {@code noexec} sees when the library is
 * extracted from the jar. Here the extraction directory is a regular file, which fails the same way
 * on any machine.
 */
@Tag("e2e")
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NativeLibraryE2ETest {
  @TempDir Path dir;

  @Test
  void aNativeLibraryThatCannotBeLoadedIsNamedAndTheStateFileIsNotBlamed() throws Exception {
    Path jobs =
        Files.writeString(
            dir.resolve("jobs.yaml"),
            "jobs:\n  - name: hello\n    once: {}\n    command: \"true\"\n");
    Path notADirectory = Files.writeString(dir.resolve("not-a-directory"), "");
    try (DaemonProcess daemon =
        DaemonProcess.start(jobs, List.of("-Dorg.sqlite.tmpdir=" + notADirectory), Map.of())) {
      assertThat(daemon.awaitExit(Duration.ofSeconds(60))).as(daemon.stderr()).isEqualTo(1);
      String stderr = daemon.stderr();
      assertThat(stderr)
          .contains("hypernd run: cannot load SQLite's native library")
          .contains(notADirectory.toString())
          .contains("noexec")
          .doesNotContain("cannot open state file");
      assertThat(dir.resolve("state.db")).doesNotExist();
    }
  }
}
