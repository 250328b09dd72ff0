package dev.hypernd.jobs;

import static dev.hypernd.jobs.JobFilesForTests.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.JobDefinition;
import dev.hypernd.engine.JobInfo;
import dev.hypernd.jobs.shell.ShellRunner;
import dev.hypernd.testing.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JobSetTest {
  private final JobDefinitions factory =
      new JobDefinitions(new ShellRunner(), new RunningCommands());
  private final ManualScheduler hand = new ManualScheduler();

  private Map<String, Instant> nextFires() {
    return hand.scheduler().jobs().stream()
        .collect(Collectors.toMap(JobInfo::name, JobInfo::nextFire));
  }

  @Test
  void anUnchangedJobKeepsItsDefinitionAndNextFireAChangedOneIsRescheduledFromNow() {
    JobSet.Change first =
        JobSet.first(
            parse(
                """
                jobs:
                  - {name: keep, interval: 10s, class: dev.hypernd.examples.HelloJob}
                  - {name: change, interval: 10s, class: dev.hypernd.examples.HelloJob}
                  - {name: drop, interval: 10s, class: dev.hypernd.examples.HelloJob}
                """),
            factory,
            getClass().getClassLoader());
    first.applyTo(hand.scheduler());
    hand.scheduler().start();
    hand.tick(Duration.ofSeconds(15));
    JobDefinition keep = first.next().definitions().get("keep");

    JobSet.Change reload =
        first
            .next()
            .next(
                parse(
                    """
                    jobs:
                      - {name: keep, interval: 10s, class: dev.hypernd.examples.HelloJob}
                      - {name: change, interval: 20s, class: dev.hypernd.examples.HelloJob}
                      - {name: added, interval: 5s, class: dev.hypernd.examples.HelloJob}
                    """),
                factory);
    reload.applyTo(hand.scheduler());

    Instant start = ManualScheduler.START;
    assertThat(reload.next().definitions().get("keep")).isSameAs(keep);
    assertThat(reload.next().classes()).isSameAs(first.next().classes());
    assertThat(nextFires())
        .containsOnly(
            Map.entry("keep", start.plusSeconds(20)),
            Map.entry("change", start.plusSeconds(35)),
            Map.entry("added", start.plusSeconds(20)));
    assertThat(hand.scheduler().jobs().get(1).definition())
        .isSameAs(reload.next().definitions().get("change"));
  }
}
