package dev.hypernd.jobs;

import static dev.hypernd.jobs.JobFilesForTests.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.jobs.config.JobConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReloadDiffTest {
  private static final String BEFORE =
      """
      jobs:
        - {name: keep, interval: 10s, command: echo keep}
        - {name: change, interval: 10s, command: echo v1}
        - {name: drop, interval: 10s, command: echo drop}
        - {name: java, interval: 10s, class: dev.hypernd.examples.HelloJob}
      """;

  private static List<JobConfig> jobs(String yaml) {
    return parse(yaml).jobs();
  }

  @Test
  void sortsJobsIntoAddedChangedRemovedAndUnchanged() {
    ReloadDiff diff =
        ReloadDiff.between(
            jobs(BEFORE),
            jobs(
                """
                jobs:
                  - {name: added, cron: '0 * * * *', command: echo new}
                  - {name: java, interval: 10s, class: dev.hypernd.examples.HelloJob}
                  - {name: change, interval: 10s, command: echo v2}
                  - {name: keep, interval: 10s, command: echo keep}
                """),
            false);

    assertThat(diff.added()).containsExactly("added");
    assertThat(diff.changed()).containsExactly("change");
    assertThat(diff.removed()).containsExactly("drop");
    assertThat(diff.unchanged()).containsExactly("java", "keep");
    assertThat(diff.toDefine()).containsExactly("added", "change");
  }

  @Test
  void aChangedDefaultChangesTheJobsItReaches() {
    ReloadDiff diff =
        ReloadDiff.between(jobs(BEFORE), jobs("defaults: {env: {A: '1'}}\n" + BEFORE), false);

    assertThat(diff.changed()).containsExactly("keep", "change", "drop", "java");
    assertThat(diff.unchanged()).isEmpty();
  }

  @Test
  void aChangeOfHooksRetryOrTimeoutIsAChange() {
    String changed =
        BEFORE
            .replace("command: echo keep}", "command: echo keep, on_failure: cat}")
            .replace("command: echo drop}", "command: echo drop, timeout: 5s}")
            .replace("HelloJob}", "HelloJob, retry: {max_retries: 1}}");

    assertThat(ReloadDiff.between(jobs(BEFORE), jobs(changed), false).changed())
        .containsExactly("keep", "drop", "java");
  }

  @Test
  void aNewClassLoaderChangesClassJobsOnly() {
    ReloadDiff diff = ReloadDiff.between(jobs(BEFORE), jobs(BEFORE), true);

    assertThat(diff.changed()).containsExactly("java");
    assertThat(diff.unchanged()).containsExactly("keep", "change", "drop");
  }

  @Test
  void theSameFileChangesNothingAndTheFirstLoadAddsEverything() {
    assertThat(ReloadDiff.between(jobs(BEFORE), jobs(BEFORE), false).toDefine()).isEmpty();
    assertThat(ReloadDiff.initial(jobs(BEFORE)).added())
        .containsExactly("keep", "change", "drop", "java");
  }
}
