package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.JobInfo;
import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskState;
import dev.hypernd.engine.store.InMemoryTaskStore;
import dev.hypernd.engine.store.TaskQuery;
import dev.hypernd.testing.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon around a scheduler driven by hand: load, at_start runs, reload, stop, status. */
class DaemonTest {
  private static final String HELLO = "class: dev.hypernd.examples.HelloJob";

  @TempDir Path dir;
  private final InMemoryTaskStore store = new InMemoryTaskStore();
  private final ManualScheduler hand = new ManualScheduler(store);
  private final RecordingEvents events = new RecordingEvents();
  private Path file;

  private Daemon start(String yaml) throws Exception {
    file = dir.resolve("jobs.yaml");
    Files.writeString(file, yaml);
    Daemon daemon = HandDrivenDaemons.create(file, hand, store, events);
    daemon.start();
    return daemon;
  }

  private Map<String, Instant> nextFires() {
    return hand.scheduler().jobs().stream()
        .filter(job -> job.nextFire() != null)
        .collect(Collectors.toMap(JobInfo::name, JobInfo::nextFire));
  }

  private List<TaskResult> tasks(String job) {
    return hand.scheduler().tasks(new TaskQuery(job, null, 100));
  }

  @Test
  void aDaemonThatIsNeverStartedLogsNothingNotEvenItsLoad() throws Exception {
    file = dir.resolve("jobs.yaml");
    Files.writeString(file, "jobs:\n  - {name: tick, interval: 10s, " + HELLO + "}\n");

    HandDrivenDaemons.create(file, hand, store, events);

    assertThat(events.lines).isEmpty();
  }

  @Test
  void aReloadBeforeTheStartLogsTheFirstLoadFirst() throws Exception {
    file = dir.resolve("jobs.yaml");
    Files.writeString(file, "jobs:\n  - {name: tick, interval: 10s, " + HELLO + "}\n");
    Daemon daemon = HandDrivenDaemons.create(file, hand, store, events);
    Files.writeString(file, "jobs:\n  - {name: tock, interval: 10s, " + HELLO + "}\n");

    daemon.reload();
    daemon.start();

    assertThat(events.daemonLines())
        .containsExactly(
            "config.loaded jobs=1 added=[tick] changed=[] removed=[] unchanged=[] initial=true",
            "reloading",
            "config.loaded jobs=1 added=[tock] changed=[] removed=[tick] unchanged=[]"
                + " initial=false",
            "daemon.started jobs=1");
  }

  @Test
  void startLogsTheLoadAndTheStartAndSubmitsAtStartJobsAfterTheirDelay() throws Exception {
    start(
        "jobs:\n"
            + "  - {name: tick, interval: 10s, "
            + HELLO
            + "}\n"
            + "  - {name: warm, once: {at_start: true, delay: 30s}, "
            + HELLO
            + "}\n"
            + "  - {name: manual, once: {}, "
            + HELLO
            + "}\n");

    assertThat(events.daemonLines())
        .containsExactly(
            "config.loaded jobs=3 added=[tick, warm, manual] changed=[] removed=[] unchanged=[]"
                + " initial=true",
            "daemon.started jobs=3");
    assertThat(tasks("warm"))
        .singleElement()
        .extracting(TaskResult::state)
        .isEqualTo(TaskState.PENDING);
    assertThat(tasks("manual")).isEmpty();

    hand.tick(Duration.ofSeconds(30));

    assertThat(tasks("warm"))
        .singleElement()
        .extracting(TaskResult::state)
        .isEqualTo(TaskState.COMPLETED);
    assertThat(tasks("warm").get(0).startedAt()).isEqualTo(ManualScheduler.START.plusSeconds(30));
    assertThat(tasks("tick")).hasSize(3);
  }

  @Test
  void aReloadAddsRemovesAndReschedulesWhileUnchangedJobsKeepTheirNextFire() throws Exception {
    Daemon daemon =
        start(
            "jobs:\n"
                + "  - {name: keep, interval: 10s, "
                + HELLO
                + "}\n"
                + "  - {name: change, interval: 10s, "
                + HELLO
                + "}\n"
                + "  - {name: drop, interval: 10s, "
                + HELLO
                + "}\n"
                + "  - {name: warm, once: {at_start: true}, "
                + HELLO
                + "}\n");
    hand.tick(Duration.ofSeconds(15));
    Instant keepNext = nextFires().get("keep");
    Files.writeString(
        file,
        "jobs:\n"
            + "  - {name: keep, interval: 10s, "
            + HELLO
            + "}\n"
            + "  - {name: change, interval: 30s, "
            + HELLO
            + "}\n"
            + "  - {name: added, cron: '0 * * * *', "
            + HELLO
            + "}\n"
            + "  - {name: warm, once: {at_start: true}, "
            + HELLO
            + "}\n");

    ReloadOutcome outcome = daemon.reload();

    assertThat(outcome).isInstanceOf(ReloadOutcome.Loaded.class);
    assertThat(outcome.errors()).isEmpty();
    assertThat(events.daemonLines())
        .contains(
            "config.loaded jobs=4 added=[added] changed=[change] removed=[drop]"
                + " unchanged=[keep, warm] initial=false");
    assertThat(nextFires())
        .containsEntry("keep", keepNext)
        .containsEntry("change", ManualScheduler.START.plusSeconds(45))
        .containsEntry("added", Instant.parse("2026-01-05T11:00:00Z"))
        .doesNotContainKey("drop");
    assertThat(tasks("warm")).as("at_start runs once per daemon start, not per reload").hasSize(1);
    assertThat(daemon.jobFile().job("added")).isPresent();
    assertThat(daemon.status().lastReload()).isSameAs(outcome);
    assertThat(daemon.status().loadedAt()).isEqualTo(ManualScheduler.START.plusSeconds(15));
  }

  @Test
  void anInvalidFileIsRejectedWithEveryErrorAndTheOldJobsKeepRunning() throws Exception {
    Daemon daemon = start("jobs:\n  - {name: keep, interval: 10s, " + HELLO + "}\n");
    Instant keepNext = nextFires().get("keep");
    Files.writeString(
        file, "jobs:\n  - {name: keep, interval: 0s, " + HELLO + "}\n  - {name: x, cron: nope}\n");

    ReloadOutcome outcome = daemon.reload();

    assertThat(outcome).isInstanceOf(ReloadOutcome.Rejected.class);
    assertThat(outcome.errors()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(outcome.errors()).allSatisfy(error -> assertThat(error.line()).isPositive());
    assertThat(events.lastErrors).isEqualTo(outcome.errors());
    assertThat(events.daemonLines())
        .last()
        .isEqualTo("config.rejected errors=" + outcome.errors().size());
    assertThat(nextFires()).containsExactly(Map.entry("keep", keepNext));
    assertThat(daemon.jobFile().job("x")).isEmpty();
    assertThat(daemon.status().lastReload()).isSameAs(outcome);

    hand.tick(Duration.ofSeconds(10));
    assertThat(tasks("keep")).hasSize(1);
  }

  @Test
  void stopLogsStoppingAndStoppedAndLaterReloadsAreRefused() throws Exception {
    Daemon daemon = start("jobs:\n  - {name: keep, interval: 10s, " + HELLO + "}\n");

    daemon.stop("SIGTERM");
    daemon.stop("SIGINT");
    ReloadOutcome outcome = daemon.reload();

    assertThat(events.daemonLines())
        .containsSubsequence(
            "daemon.stopping SIGTERM PT5S", "daemon.stopped killed=0", "config.rejected errors=1");
    assertThat(outcome.errors().get(0).message()).contains("stopping");
  }

  @Test
  void statusNamesTheFileTheVersionAndTheLastLoad() throws Exception {
    Daemon daemon = start("jobs:\n  - {name: keep, interval: 10s, " + HELLO + "}\n");
    hand.tick(Duration.ofSeconds(3));

    DaemonStatus status = daemon.status();

    assertThat(status.configFile()).isEqualTo(file.toAbsolutePath());
    assertThat(status.version()).isEqualTo(Version.current());
    assertThat(status.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(status.startedAt()).isEqualTo(ManualScheduler.START);
    assertThat(status.loadedAt()).isEqualTo(ManualScheduler.START);
    assertThat(status.jobs()).isEqualTo(1);
    assertThat(status.store()).isEqualTo("memory");
    assertThat(status.lastReload()).isInstanceOf(ReloadOutcome.Loaded.class);
  }

  @Test
  void aListenerHearsEveryStepOnceTaskEventsIncluded() throws Exception {
    file = dir.resolve("jobs.yaml");
    Files.writeString(file, "jobs:\n  - {name: keep, interval: 10s, " + HELLO + "}\n");
    Daemon daemon = HandDrivenDaemons.create(file, hand, store, events);
    RecordingEvents added = new RecordingEvents();
    daemon.addListener(added);

    daemon.start();
    hand.tick(Duration.ofSeconds(10));
    daemon.reload();
    daemon.stop("SIGTERM");

    assertThat(added.lines)
        .containsExactly(
            "config.loaded jobs=1 added=[keep] changed=[] removed=[] unchanged=[] initial=true",
            "daemon.started jobs=1",
            "task.scheduled keep",
            "task.started keep",
            "task.completed keep",
            "reloading",
            "config.loaded jobs=1 added=[] changed=[] removed=[] unchanged=[keep] initial=false",
            "daemon.stopping SIGTERM PT5S",
            "daemon.stopped killed=0");
    assertThat(events.lines)
        .as("the listener the daemon is built with hears the same")
        .isEqualTo(added.lines);
  }
}
