package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that cannot be read at all are one error at line 0 naming the path and the reason. */
class LoadFailuresTest {
  @TempDir Path dir;

  private static ConfigError onlyError(LoadResult result) {
    assertThat(result).isInstanceOf(LoadResult.Invalid.class);
    assertThat(result.errors()).hasSize(1);
    return result.errors().get(0);
  }

  @Test
  void aMissingFile() {
    Path file = dir.resolve("missing.yaml");

    ConfigError error = onlyError(FakeChecks.loader().load(file));

    assertThat(error)
        .isEqualTo(
            new ConfigError(file, 0, 0, "", "cannot read the job file: No such file or directory"));
    assertThat(error).hasToString(file + ": cannot read the job file: No such file or directory");
  }

  @Test
  void aDirectory() {
    ConfigError error = onlyError(FakeChecks.loader().load(dir));

    assertThat(error.line()).isZero();
    assertThat(error.message()).isEqualTo("the directory has no *.yaml job files");
  }

  @Test
  void anUnreadableFile() throws IOException {
    Path file = Files.writeString(dir.resolve("secret.yaml"), "jobs: []\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "root reads any file");

    assertThat(onlyError(FakeChecks.loader().load(file)).message())
        .isEqualTo("cannot read the job file: Permission denied");
  }

  @Test
  void aFileThatIsNotUtf8() throws IOException {
    Path file = Files.write(dir.resolve("latin1.yaml"), new byte[] {'#', ' ', (byte) 0xE9, '\n'});

    assertThat(onlyError(FakeChecks.loader().load(file)).message())
        .isEqualTo("cannot read the job file: not UTF-8 text");
  }

  @Test
  void errorsRenderLikeACompilersWithAndWithoutAKeyPath() {
    Path file = Path.of("jobs.yaml");
    assertThat(new ConfigError(file, 12, 5, "jobs[2].retry.backoff", "expected a duration"))
        .hasToString("jobs.yaml:12:5: jobs[2].retry.backoff: expected a duration");
    assertThat(new ConfigError(file, 1, 1, "", "the file is empty"))
        .hasToString("jobs.yaml:1:1: the file is empty");
  }

  @Test
  void parseNamesTheSourceAndResolvesAgainstItsDirectory() {
    Path source = dir.resolve("inline.yaml");
    LoadResult result =
        FakeChecks.loader()
            .parse(source, "jobs: [{name: a, interval: 5s, command: pwd, workdir: .}]\n");

    JobFile file = ((LoadResult.Valid) result).jobFile();
    assertThat(file.source()).isEqualTo(source);
    assertThat(file.jobs().get(0).workdir()).contains(dir);
  }
}
