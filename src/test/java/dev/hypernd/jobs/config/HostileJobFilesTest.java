package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files made to hurt the loader, by mistake or on purpose: each is one clear error, found without
 * reading more than the limit, without a deep recursion and without waiting on a writer.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileJobFilesTest {
  @TempDir Path dir;

  private static List<ConfigError> errors(LoadResult result) {
    assertThat(result).isInstanceOf(LoadResult.Invalid.class);
    return result.errors();
  }

  private static ConfigError onlyError(LoadResult result) {
    assertThat(errors(result)).hasSize(1);
    return result.errors().get(0);
  }

  @Test
  void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
    Path fifo = dir.resolve("jobs.yaml");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    ConfigError error = onlyError(FakeChecks.loader().load(fifo));

    assertThat(error.line()).isZero();
    assertThat(error.message())
        .isEqualTo("cannot read the job file: it is a FIFO (named pipe), not a regular file");
  }

  @Test
  void aDeviceIsRefusedBeforeAnythingIsRead() {
    ConfigError error = onlyError(FakeChecks.loader().load(Path.of("/dev/zero")));

    assertThat(error.message())
        .isEqualTo("cannot read the job file: it is a character device, not a regular file");
  }

  @Test
  void aSymlinkToADeviceIsRefusedToo() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("jobs.yaml"), Path.of("/dev/zero"));

    assertThat(onlyError(FakeChecks.loader().load(link)).message())
        .contains("it is a character device, not a regular file");
  }

  @Test
  void aFileOverTheSizeLimitIsRefused() throws IOException {
    Path big = dir.resolve("big.yaml");
    byte[] comment = ("#" + "x".repeat(98) + "\n").getBytes();
    try (var out = Files.newOutputStream(big)) {
      for (int written = 0; written <= JobFileText.MAX_BYTES; written += comment.length) {
        out.write(comment);
      }
    }

    assertThat(onlyError(FakeChecks.loader().load(big)).message())
        .isEqualTo(
            "cannot read the job file: it is larger than 4 MiB (4,194,304 bytes), the limit for"
                + " a job file");
  }

  @Test
  void theSizeLimitHoldsWhileReadingWhateverTheFileClaimsToBe() throws IOException {
    InputStream endless =
        new InputStream() {
          long served;

          @Override
          public int read() {
            served++;
            return '#';
          }
        };

    assertThat(JobFileText.readLimited(endless, 1000)).isEmpty();
    assertThat(JobFileText.readLimited(InputStream.nullInputStream(), 1000)).contains(new byte[0]);
  }

  @Test
  void deepNestingIsOneErrorNotAStackOverflow() {
    String yaml = "jobs: " + "[".repeat(2000) + "]".repeat(2000) + "\n";

    ConfigError error = onlyError(FakeChecks.loader().parse(dir.resolve("deep.yaml"), yaml));

    assertThat(error.line()).isEqualTo(1);
    assertThat(error.column()).isEqualTo(6 + JobFileText.MAX_DEPTH);
    assertThat(error.message())
        .isEqualTo(
            "lists and mappings nest more than 32 levels deep here, the limit for a job file");
  }

  @Test
  void deepBlockNestingToo() {
    StringBuilder yaml = new StringBuilder("jobs:\n");
    for (int i = 0; i < 500; i++) {
      yaml.append(" ".repeat(i + 1)).append("- \n");
    }

    assertThat(onlyError(FakeChecks.loader().parse(dir.resolve("deep.yaml"), yaml.toString())))
        .extracting(ConfigError::message)
        .asString()
        .startsWith("lists and mappings nest more than 32 levels deep");
  }

  @Test
  void aVeryLongLineIsRefusedBeforeTheYamlParserSeesIt() {
    String yaml =
        "jobs:\n  - name: x\n    interval: 1s\n    command: echo " + "a".repeat(1_000_000) + "\n";

    ConfigError error = onlyError(FakeChecks.loader().parse(dir.resolve("long.yaml"), yaml));

    assertThat(error.line()).isEqualTo(4);
    assertThat(error.column()).isEqualTo(1);
    assertThat(error.message())
        .isEqualTo(
            "the line is 1,000,018 characters long; lines and values are limited to 65,536"
                + " characters (keep a long script in a file the job runs)");
  }

  @Test
  void aLongMultiLineValueIsRefusedAtItsStart() {
    String block = ("      " + "b".repeat(70) + "\n").repeat(1000);
    String yaml = "jobs:\n  - name: x\n    interval: 1s\n    command: |\n" + block;

    ConfigError error = onlyError(FakeChecks.loader().parse(dir.resolve("long.yaml"), yaml));

    assertThat(error.line()).isEqualTo(4);
    assertThat(error.column()).isEqualTo(14);
    assertThat(error.message())
        .isEqualTo(
            "the value is 71,000 characters long; lines and values are limited to 65,536"
                + " characters (keep a long script in a file the job runs)");
  }

  @Test
  void aliasesToCollectionsAreLimited() {
    StringBuilder yaml = new StringBuilder("x: &env {A: b}\njobs:\n");
    for (int i = 0; i <= JobFileText.MAX_COLLECTION_ALIASES; i++) {
      yaml.append("  - {name: j").append(i).append(", interval: 1s, command: x, env: *env}\n");
    }

    ConfigError error =
        onlyError(FakeChecks.loader().parse(dir.resolve("a.yaml"), yaml.toString()));

    assertThat(error.message())
        .isEqualTo(
            "more than 1,000 aliases (*name) of lists and mappings; a job file may use at most"
                + " 1,000");
  }

  @Test
  void aRecursiveAliasIsAnErrorNotALoop() {
    String yaml = "jobs: &j\n  - name: a\n    interval: 1s\n    command: [*j]\n";

    assertThat(errors(FakeChecks.loader().parse(dir.resolve("r.yaml"), yaml))).isNotEmpty();
  }
}
