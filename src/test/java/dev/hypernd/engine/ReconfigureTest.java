package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypernd.testing.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconfigureTest {
  private final ManualScheduler m = new ManualScheduler();
  private final Instant t0 = ManualScheduler.START;
  private final List<String> ran = new ArrayList<>();

  private JobDefinition every(String name, int seconds) {
    return JobDefinition.builder(
            name,
            JobSchedule.every(Duration.ofSeconds(seconds)),
            ctx -> ran.add(name + "@" + (ctx.scheduledAt().getEpochSecond() - t0.getEpochSecond())))
        .build();
  }

  @Test
  void unchangedJobsKeepTheirPhaseChangedOnesRestartRemovedOnesStop() {
    m.scheduler().schedule(every("keep", 10));
    m.scheduler().schedule(every("change", 10));
    m.scheduler().schedule(every("drop", 10));
    m.scheduler().start();
    m.tick(Duration.ofSeconds(15));
    ran.clear();

    m.scheduler().updateJobs(Set.of("drop"), List.of(every("change", 30), every("added", 5)));
    m.tick(Duration.ofSeconds(30));

    assertThat(ran)
        .containsExactlyInAnyOrder(
            "keep@20",
            "keep@30",
            "keep@40",
            "added@20",
            "added@25",
            "added@30",
            "added@35",
            "added@40",
            "added@45",
            "change@45");
    assertThat(m.scheduler().jobs())
        .extracting(JobInfo::name)
        .containsExactly("keep", "change", "added");
  }

  @Test
  void aRemovedJobsRunningTaskFinishes() {
    m.scheduler()
        .schedule(
            JobDefinition.builder(
                    "going",
                    JobSchedule.every(Duration.ofSeconds(10)),
                    ctx -> {
                      m.scheduler().updateJobs(Set.of("going"), List.of());
                      return "finished";
                    })
                .build());
    m.scheduler().start();

    m.tick(Duration.ofMinutes(1));

    assertThat(m.result("sched-1").state()).isEqualTo(TaskState.COMPLETED);
    assertThat(m.scheduler().getMetrics()).containsEntry("total_submitted", 1L);
    assertThat(m.scheduler().jobs()).isEmpty();
  }

  @Test
  void updateIsAllOrNothing() {
    m.scheduler().schedule(every("keep", 10));
    assertThatThrownBy(() -> m.scheduler().updateJobs(Set.of("missing"), List.of(every("new", 1))))
        .isInstanceOf(NoSuchJobException.class);
    assertThat(m.scheduler().jobs()).extracting(JobInfo::name).containsExactly("keep");
  }

  @Test
  void pausedJobsDoNotFireUntilResumed() {
    m.scheduler().schedule(every("tick", 10));
    m.scheduler().start();
    m.scheduler().pause("tick");
    m.tick(Duration.ofSeconds(30));
    assertThat(ran).isEmpty();
    assertThat(m.scheduler().jobs().get(0).paused()).isTrue();

    m.scheduler().resume("tick");
    m.tick(Duration.ofSeconds(10));

    assertThat(ran).containsExactly("tick@40");
    assertThat(m.store().jobState("tick").orElseThrow().paused()).isFalse();
  }
}
