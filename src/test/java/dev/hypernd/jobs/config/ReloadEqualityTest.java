package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A reload diffs old and new jobs by name with {@code equals}; that needs value equality. */
class ReloadEqualityTest {
  private static final Path SOURCE = Path.of("/etc/hypernd/jobs.yaml");

  private static JobFile parse(String yaml) {
    return ((LoadResult.Valid) FakeChecks.loader().parse(SOURCE, yaml)).jobFile();
  }

  private static final String BEFORE =
      """
      defaults: {timeout: 5m, env: {A: "1"}}
      jobs:
        - {name: a, interval: 30s, command: [date], retry: {max_retries: 2, retry_on: [3]}}
        - {name: b, cron: "0 3 * * *", timezone: UTC, command: "true", on_failure: cat}
      """;

  @Test
  void theSameTextGivesEqualJobs() {
    JobFile first = parse(BEFORE);
    JobFile second = parse(BEFORE);

    assertThat(second.jobs()).isEqualTo(first.jobs());
    assertThat(second.jobs().get(0).hashCode()).isEqualTo(first.jobs().get(0).hashCode());
    assertThat(second).isEqualTo(first);
  }

  @Test
  void formattingAndKeyOrderDoNotMatter() {
    JobFile reformatted =
        parse(
            """
            jobs:
              - command: [date]
                retry:
                  retry_on: [3]
                  max_retries: 2
                interval: 30
                name: a
              - {name: b, cron: "0 3 * * *", timezone: UTC, command: "true", on_failure: cat}
            defaults:
              env: {A: "1"}
              timeout: 300
            """);

    assertThat(reformatted.jobs()).isEqualTo(parse(BEFORE).jobs());
  }

  @Test
  void aChangeInTheDefaultsChangesEveryJobItReaches() {
    JobFile changed = parse(BEFORE.replace("A: \"1\"", "A: \"2\""));

    assertThat(changed.job("a")).isNotEqualTo(parse(BEFORE).job("a"));
    assertThat(changed.job("b")).isNotEqualTo(parse(BEFORE).job("b"));
  }

  @Test
  void aChangedJobDiffersWhileTheOthersStayEqual() {
    JobFile changed = parse(BEFORE.replace("retry_on: [3]", "retry_on: [3, 4]"));

    assertThat(changed.job("a")).isNotEqualTo(parse(BEFORE).job("a"));
    assertThat(changed.job("b")).isEqualTo(parse(BEFORE).job("b"));
  }
}
