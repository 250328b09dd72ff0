package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code alert:} block of a job and of the defaults. Its errors, with line, column and key
 * path, are in the {@code jobfiles/broken/alert-*.yaml} files of {@link BrokenJobFilesTest}.
 */
class AlertKeysTest {
  private static List<JobConfig> jobs(String yaml) {
    LoadResult result = FakeChecks.loader().parse(Path.of("/etc/hypernd/jobs.yaml"), yaml);
    assertThat(result.errors()).isEmpty();
    return ((LoadResult.Valid) result).jobFile().jobs();
  }

  @Test
  void aWebhookWithHeadersAndAMailOnTheOutcomesNamed() {
    JobConfig job =
        jobs("""
                jobs:
                  - name: backup
                    cron: "0 3 * * *"
                    command: /usr/local/bin/backup
                    alert:
                      webhook: https://hooks.example.com/backup
                      headers: {Authorization: "Bearer ${HOOK_TOKEN}"}
                      mail: ops@example.com
                      on: [failure, error]
                """)
            .get(0);
    assertThat(job.hooks().alert())
        .contains(
            new AlertConfig(
                Optional.of(URI.create("https://hooks.example.com/backup")),
                Map.of("Authorization", "Bearer ${HOOK_TOKEN}"),
                Optional.of("ops@example.com"),
                Set.of(AlertOn.FAILURE, AlertOn.ERROR)));
  }

  @Test
  void theDefaultAlertServesEveryJobThatHasNoneAndOnIsFailureUnlessSaid() {
    List<JobConfig> jobs =
        jobs(
            """
            defaults:
              alert: {mail: ops@example.com}
            jobs:
              - {name: a, interval: 5s, command: "true"}
              - name: b
                interval: 5s
                command: "true"
                alert: {webhook: "http://127.0.0.1:8080/b", on: [success]}
            """);
    assertThat(jobs.get(0).hooks().alert().orElseThrow().mail()).contains("ops@example.com");
    assertThat(jobs.get(0).hooks().alert().orElseThrow().on()).containsExactly(AlertOn.FAILURE);
    AlertConfig own = jobs.get(1).hooks().alert().orElseThrow();
    assertThat(own.mail()).isEmpty();
    assertThat(own.on()).containsExactly(AlertOn.SUCCESS);
  }

  @Test
  void withoutAnAlertNothingIsSentAndOnStartIsAHookLikeTheOthers() {
    JobConfig job =
        jobs("jobs:\n  - {name: a, interval: 5s, command: 'true', on_start: 'logger started'}\n")
            .get(0);
    assertThat(job.hooks().alert()).isEmpty();
    assertThat(job.hooks().onStart()).contains(new ShellAction("logger started"));
  }
}
