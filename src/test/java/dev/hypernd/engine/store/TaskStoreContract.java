package dev.hypernd.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.TaskError;
import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TaskStore} must do. A backend's test extends this class and says how to make a
 * fresh, empty store.
 */
public abstract class TaskStoreContract {
  protected static final Instant T0 = Instant.parse("2026-02-01T12:00:00Z");
  protected TaskStore store;

  protected abstract TaskStore newStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  protected static TaskResult task(long n, String job, TaskState state, Instant finishedAt) {
    return new TaskResult(
        "sched-" + n,
        job,
        state,
        state == TaskState.COMPLETED ? "out " + n : null,
        state == TaskState.FAILED ? new TaskError("java.io.IOException", "disk") : null,
        state == TaskState.PENDING ? 0 : 1,
        12,
        T0,
        state == TaskState.PENDING ? null : T0.plusSeconds(1),
        finishedAt,
        null,
        List.of("a", "b"));
  }

  @Test
  void sequenceIncreasesAndNeverRepeats() {
    long a = store.nextTaskNumber();
    long b = store.nextTaskNumber();
    assertThat(a).isPositive();
    assertThat(b).isGreaterThan(a);
  }

  @Test
  void sequenceIsUniqueUnderConcurrency() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      futures.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 500; i++) {
                  seen.add(store.nextTaskNumber());
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(seen).hasSize(2000);
  }

  @Test
  void savedTaskIsFoundAsSaved() {
    TaskResult t = task(1, "job", TaskState.COMPLETED, T0.plusSeconds(2));
    store.save(t);
    assertThat(store.find("sched-1")).contains(t);
    assertThat(store.find("sched-2")).isEmpty();
    assertThat(store.find("nonsense")).isEmpty();
  }

  @Test
  void saveReplacesTheEarlierState() {
    store.save(task(1, "job", TaskState.PENDING, null));
    store.save(task(1, "job", TaskState.FAILED, T0.plusSeconds(5)));
    assertThat(store.find("sched-1").orElseThrow().state()).isEqualTo(TaskState.FAILED);
    assertThat(store.unfinished()).isEmpty();
  }

  @Test
  void listFiltersAndOrdersNewestFirst() {
    store.save(task(1, "a", TaskState.COMPLETED, T0));
    store.save(task(2, "b", TaskState.FAILED, T0));
    store.save(task(3, "a", TaskState.FAILED, T0));
    store.save(task(4, "a", TaskState.PENDING, null));
    assertThat(store.list(new TaskQuery("a", null, 10)))
        .extracting(TaskResult::taskId)
        .containsExactly("sched-4", "sched-3", "sched-1");
    assertThat(store.list(new TaskQuery(null, TaskState.FAILED, 10)))
        .extracting(TaskResult::taskId)
        .containsExactly("sched-3", "sched-2");
    assertThat(store.list(TaskQuery.all(2)))
        .extracting(TaskResult::taskId)
        .containsExactly("sched-4", "sched-3");
  }

  @Test
  void unfinishedListsWhatARestartMustResumeOldestFirst() {
    store.save(task(3, "a", TaskState.RETRYING, null));
    store.save(task(1, "a", TaskState.PENDING, null));
    store.save(task(2, "a", TaskState.COMPLETED, T0));
    store.save(task(4, "b", TaskState.RUNNING, null));
    assertThat(store.unfinished())
        .extracting(TaskResult::taskId)
        .containsExactly("sched-1", "sched-3", "sched-4");
  }

  @Test
  void jobStateRoundTrips() {
    JobState s = new JobState("nightly", T0, T0.plusSeconds(86400), true);
    store.saveJobState(s);
    assertThat(store.jobState("nightly")).contains(s);
    assertThat(store.jobState("other")).isEmpty();
    store.saveJobState(new JobState("nightly", T0.plusSeconds(86400), null, false));
    assertThat(store.jobState("nightly").orElseThrow().paused()).isFalse();
  }

  @Test
  void eachFireIsClaimedExactlyOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Boolean>> claims = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String owner = "node-" + i;
      claims.add(pool.submit(() -> store.claimFire("job", T0, owner)));
    }
    int won = 0;
    for (Future<Boolean> f : claims) {
      won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();
    assertThat(won).isEqualTo(1);
    assertThat(store.claimFire("job", T0.plusSeconds(60), "node-1")).isTrue();
    assertThat(store.claimFire("other-job", T0, "node-1")).isTrue();
  }

  @Test
  void pruneKeepsTheNewestPerJobAndDropsOldOnes() {
    for (int i = 1; i <= 6; i++) {
      store.save(task(i, "a", TaskState.COMPLETED, T0.plusSeconds(i)));
    }
    store.save(task(7, "b", TaskState.COMPLETED, T0.minus(Duration.ofDays(30))));
    store.save(task(8, "b", TaskState.PENDING, null));

    int deleted = store.prune(new Retention(3, Duration.ofDays(7)), T0.plusSeconds(60));

    assertThat(deleted).isEqualTo(4);
    Set<String> left = new HashSet<>();
    store.list(TaskQuery.all(100)).forEach(t -> left.add(t.taskId()));
    assertThat(left).containsExactlyInAnyOrder("sched-4", "sched-5", "sched-6", "sched-8");
  }

  @Test
  void flushIsSafeToCallAnyTime() {
    store.flush();
    store.save(task(1, "a", TaskState.PENDING, null));
    store.flush();
    assertThat(store.find("sched-1")).isPresent();
  }

  @Test
  void countersRoundTripPerJobAndInTotal() {
    JobCounters job = new JobCounters("a", 5, 3, 1, 2, 1, 4, Map.of("java.io.IOException", 2L));
    JobCounters total = new JobCounters(JobCounters.TOTAL, 9, 6, 2, 3, 1, 4, Map.of());
    store.saveCounters(job);
    store.saveCounters(total);
    assertThat(store.counters("a")).contains(job);
    assertThat(store.counters(JobCounters.TOTAL)).contains(total);
    assertThat(store.counters("b")).isEmpty();
    JobCounters later = new JobCounters("a", 6, 4, 1, 2, 1, 4, Map.of("x", 1L));
    store.saveCounters(later);
    assertThat(store.counters("a")).contains(later);
  }

  @Test
  void aFireNotLaterThanTheLastClaimedOneIsRefused() {
    assertThat(store.claimFire("job", T0.plusSeconds(60), "node-1")).isTrue();
    assertThat(store.claimFire("job", T0, "node-1")).isFalse();
    assertThat(store.claimFire("job", T0.plusSeconds(60), "node-2")).isFalse();
    assertThat(store.claimFire("job", T0.plusSeconds(61), "node-2")).isTrue();
  }

  @Test
  void pruneHonoursTheBoundOnAllJobsTogether() {
    store.save(task(1, "a", TaskState.COMPLETED, T0));
    store.save(task(2, "b", TaskState.COMPLETED, T0));
    store.save(task(3, "a", TaskState.FAILED, T0));
    store.save(task(4, "c", TaskState.PENDING, null));
    store.save(task(5, "c", TaskState.CANCELLED, T0));

    int deleted = store.prune(new Retention(10, 2, Duration.ofDays(7)), T0.plusSeconds(60));

    assertThat(deleted).isEqualTo(2);
    assertThat(store.list(TaskQuery.all(100)))
        .extracting(TaskResult::taskId)
        .containsExactly("sched-5", "sched-4", "sched-3");
  }

  @Test
  void listAndUnfinishedSeeTheLatestStateOfEachTask() {
    store.save(task(1, "a", TaskState.PENDING, null));
    store.save(task(2, "a", TaskState.PENDING, null));
    store.flush();
    store.save(task(1, "a", TaskState.COMPLETED, T0));
    store.save(task(3, "a", TaskState.RETRYING, null));
    assertThat(store.list(new TaskQuery("a", TaskState.PENDING, 10)))
        .extracting(TaskResult::taskId)
        .containsExactly("sched-2");
    assertThat(store.list(new TaskQuery(null, TaskState.COMPLETED, 10)))
        .extracting(TaskResult::taskId)
        .containsExactly("sched-1");
    assertThat(store.unfinished())
        .extracting(TaskResult::taskId)
        .containsExactly("sched-2", "sched-3");
    assertThat(store.list(TaskQuery.all(1)))
        .extracting(TaskResult::taskId)
        .containsExactly("sched-3");
  }

  @Test
  void everyFieldOfATaskRoundTrips() {
    TaskResult t =
        new TaskResult(
            "sched-7",
            "job",
            TaskState.RETRYING,
            null,
            new TaskError(
                "java.lang.IllegalStateException",
                "boom",
                "java.lang.IllegalStateException: boom\n\tat example.Job.call(Job.java:3)"),
            2,
            5003,
            T0,
            T0.plusNanos(1_234_567_891),
            null,
            T0.plusSeconds(9),
            List.of("x", "y z", "ü"));
    store.save(t);
    store.flush();
    assertThat(store.find("sched-7")).contains(t);
    TaskResult done =
        new TaskResult(
            "sched-8",
            "job",
            TaskState.COMPLETED,
            Map.of("rows", 3, "ok", true),
            null,
            1,
            7,
            T0,
            T0,
            T0.plusMillis(7),
            null,
            List.of());
    store.save(done);
    store.flush();
    assertThat(store.find("sched-8")).contains(done);
  }
}
