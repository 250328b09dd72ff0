package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory of job files, and a job file with its drop-in directory, as one configuration. */
class JobDirectoryTest {
  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, yaml);
  }

  private static List<String> names(LoadResult result) {
    assertThat(result.errors()).isEmpty();
    return ((LoadResult.Valid) result).jobFile().jobs().stream().map(JobConfig::name).toList();
  }

  @Test
  void aDirectoryLoadsItsYamlFilesInNameOrderEachWithItsOwnDefaults() throws IOException {
    Path jobs = dir.resolve("jobs");
    write(
        "jobs/20-web.yaml",
        "defaults: {timeout: 5s}\njobs:\n  - {name: web, interval: 5s, command: 'true'}\n");
    write("jobs/10-base.yaml", "jobs:\n  - {name: base, interval: 5s, command: 'true'}\n");
    write("jobs/30-more.yaml", "jobs:\n  - {name: more, interval: 5s, command: 'true'}\n");
    write("jobs/notes.txt", "not a job file");
    write("jobs/.hidden.yaml", "not: [valid");
    write("jobs/old.yaml~", "an editor's backup");

    LoadResult result = FakeChecks.loader().load(jobs);

    assertThat(names(result)).containsExactly("base", "web", "more");
    JobFile file = ((LoadResult.Valid) result).jobFile();
    assertThat(file.source()).isEqualTo(jobs);
    assertThat(file.job("web").orElseThrow().timeout()).contains(java.time.Duration.ofSeconds(5));
    assertThat(file.job("more").orElseThrow().timeout()).isEmpty();
  }

  @Test
  void aJobFileTakesTheFilesOfItsDropInDirectory() throws IOException {
    Path main = write("jobs.yaml", "jobs:\n  - {name: heartbeat, interval: 1m, command: 'true'}\n");
    write("jobs.d/backup.yaml", "jobs:\n  - {name: backup, cron: '0 3 * * *', command: 'true'}\n");

    assertThat(names(FakeChecks.loader().load(main))).containsExactly("heartbeat", "backup");
    assertThat(
            names(
                FakeChecks.loader()
                    .load(
                        write("other.yaml", "jobs: [{name: x, interval: 1m, command: 'true'}]\n"))))
        .containsExactly("x");
  }

  @Test
  void errorsNameTheirFileAndNamesAreUniqueAcrossFiles() throws IOException {
    write("d/a.yaml", "jobs:\n  - {name: backup, interval: 5s, command: 'true'}\n");
    Path b =
        write(
            "d/b.yaml",
            "jobs:\n  - {name: ok, interval: 5s, command: 'true'}\n  - name: backup\n    interval: 5s\n    command: 'true'\n");
    Path c = write("d/c.yaml", "jobs:\n  - {name: c, interval: soon, command: 'true'}\n");

    LoadResult result = FakeChecks.loader().load(dir.resolve("d"));

    assertThat(result.errors())
        .extracting(ConfigError::toString)
        .containsExactly(
            b
                + ":3:5: jobs[1] (backup): duplicate job name \"backup\"; jobs[0] (backup) at "
                + dir.resolve("d/a.yaml")
                + ":2 has the same name",
            c
                + ":2:25: jobs[0] (c).interval: expected a duration such as 30s, 5m, 1h30m or a"
                + " number of seconds, found \"soon\"");
  }

  @Test
  void metricsIsSetInOneFileAtMostAndAnEmptyDirectoryIsAnError() throws IOException {
    write(
        "m/a.yaml",
        "metrics: {listen: 127.0.0.1:0}\njobs: [{name: a, interval: 5s, command: 'true'}]\n");
    Path b =
        write(
            "m/b.yaml",
            "metrics: {listen: 127.0.0.1:1}\njobs: [{name: b, interval: 5s, command: 'true'}]\n");
    assertThat(FakeChecks.loader().load(dir.resolve("m")).errors())
        .extracting(ConfigError::toString)
        .containsExactly(
            b
                + ":1:1: metrics: metrics is set in "
                + dir.resolve("m/a.yaml")
                + " already; set it in one file only");

    Files.createDirectory(dir.resolve("empty"));
    assertThat(FakeChecks.loader().load(dir.resolve("empty")).errors())
        .extracting(ConfigError::toString)
        .containsExactly(dir.resolve("empty") + ": the directory has no *.yaml job files");
  }
}
