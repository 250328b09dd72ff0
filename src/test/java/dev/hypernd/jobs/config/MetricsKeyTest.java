package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The top-level {@code metrics:} block. Its errors, with line, column and key path, are in the
 * {@code jobfiles/broken/metrics-*.yaml} files of {@link BrokenJobFilesTest}.
 */
class MetricsKeyTest {
  private static final Path FILE = Path.of("/etc/hypernd/jobs.yaml");
  private static final String JOBS = "jobs:\n  - {name: a, interval: 5s, command: \"true\"}\n";

  private static LoadResult parse(String yaml) {
    return FakeChecks.loader().parse(FILE, yaml);
  }

  private static MetricsConfig metrics(String yaml) {
    LoadResult result = parse(yaml);
    assertThat(result.errors()).isEmpty();
    return ((LoadResult.Valid) result).jobFile().metrics();
  }

  @Test
  void listenIsAHostAndPortLikeTheCommandLineOption() {
    assertThat(metrics("metrics:\n  listen: 127.0.0.1:9464\n" + JOBS).listen())
        .contains(new ListenAddress("127.0.0.1", 9464));
    assertThat(metrics("metrics: {listen: localhost:0}\n" + JOBS).listen())
        .contains(new ListenAddress("localhost", 0));
    assertThat(metrics("metrics:\n  listen: \"[::1]:9464\"\n" + JOBS).listen())
        .contains(new ListenAddress("::1", 9464));
  }

  @Test
  void withoutTheBlockOrTheKeyNothingIsServed() {
    assertThat(metrics(JOBS)).isEqualTo(MetricsConfig.NONE);
    assertThat(metrics("metrics: {}\n" + JOBS)).isEqualTo(MetricsConfig.NONE);
  }

  @Test
  void aBadAddressReadsLikeEveryOtherErrorAndTheOtherErrorsStillCount() {
    LoadResult result =
        parse(
            """
            metrics:
              listen: 127.0.0.1
            jobs:
              - {name: a, interval: 0s, command: "true"}
            """);

    assertThat(result.errors())
        .extracting(ConfigError::toString)
        .containsExactly(
            "/etc/hypernd/jobs.yaml:2:11: metrics.listen: expected HOST:PORT such as"
                + " 127.0.0.1:9464, localhost:9464 or \"[::1]:9464\" (port 0 to 65535), found"
                + " \"127.0.0.1\"",
            "/etc/hypernd/jobs.yaml:4:25: jobs[0] (a).interval: an interval must be at least"
                + " 100ms, found 0s (run a loop inside one job for anything more frequent)");
  }

  @Test
  void misspeltKeysGetASuggestionAtBothLevels() {
    assertThat(parse("metrics:\n  lisen: 127.0.0.1:9464\n" + JOBS).errors())
        .extracting(ConfigError::toString)
        .containsExactly(
            "/etc/hypernd/jobs.yaml:2:3: metrics.lisen: unknown key \"lisen\"; did you mean"
                + " \"listen\"?");
    assertThat(parse("metric:\n  listen: 127.0.0.1:9464\n" + JOBS).errors())
        .extracting(ConfigError::toString)
        .containsExactly(
            "/etc/hypernd/jobs.yaml:1:1: metric: unknown key \"metric\"; did you mean"
                + " \"metrics\"?");
  }

  @Test
  void aFileWithoutTheBlockIsTheSameAsBefore() {
    JobFile file = ((LoadResult.Valid) parse(JOBS)).jobFile();
    assertThat(file)
        .isEqualTo(new JobFile(FILE, Defaults.NONE, file.classpath(), file.jobs()))
        .isEqualTo(
            new JobFile(FILE, Defaults.NONE, file.classpath(), MetricsConfig.NONE, file.jobs()));
    assertThat(new MetricsConfig(Optional.empty())).isEqualTo(MetricsConfig.NONE);
  }
}
