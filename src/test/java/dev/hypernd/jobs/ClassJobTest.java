package dev.hypernd.jobs;

import static dev.hypernd.jobs.JobFilesForTests.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypernd.engine.TaskAction;
import dev.hypernd.engine.TaskContext;
import dev.hypernd.engine.TaskError;
import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskState;
import dev.hypernd.engine.TaskTimeoutException;
import dev.hypernd.fixtures.JavaSources;
import dev.hypernd.jobs.shell.ShellRunner;
import dev.hypernd.testing.ManualScheduler;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Class jobs: the three accepted shapes, fresh instances, class loaders per configuration. */
class ClassJobTest {
  private static final String PREFIX = ClassJobTest.class.getName() + "$";

  private final JobDefinitions definitions =
      new JobDefinitions(new ShellRunner(), new RunningCommands());

  @TempDir Path dir;

  /** Counts instances: each attempt must get its own. */
  public static final class CountingRunnable implements Runnable {
    static final AtomicInteger INSTANCES = new AtomicInteger();

    public CountingRunnable() {
      INSTANCES.incrementAndGet();
    }

    @Override
    public void run() {}
  }

  public static final class LoaderReportingCallable implements Callable<Object> {
    @Override
    public Object call() {
      return Thread.currentThread().getContextClassLoader();
    }
  }

  public static final class ContextAction implements TaskAction {
    @Override
    public Object run(TaskContext context) {
      return context.taskId() + " " + context.attempt() + " " + context.args();
    }
  }

  /** Runs a test's hook while "running" (the hook moves time), then honours the interrupt. */
  public static final class Stuck implements TaskAction {
    static Runnable whileRunning = () -> {};

    @Override
    public Object run(TaskContext context) throws InterruptedException {
      whileRunning.run();
      if (Thread.interrupted()) {
        throw new InterruptedException("stopped");
      }
      return "finished";
    }
  }

  /** Fails in its constructor the first two times, then works. */
  public static final class FlakyConstructor implements Callable<String> {
    static final AtomicInteger TRIES = new AtomicInteger();

    public FlakyConstructor() throws IOException {
      if (TRIES.incrementAndGet() <= 2) {
        throw new ConnectException("refused, try " + TRIES.get());
      }
    }

    @Override
    public String call() {
      return "connected after " + TRIES.get() + " tries";
    }
  }

  /** Fails 60 calls deep, wrapping a cause. */
  public static final class DeepFailure implements Callable<Object> {
    @Override
    public Object call() throws Exception {
      return recurse(60);
    }

    private static Object recurse(int depth) throws Exception {
      if (depth == 0) {
        throw new IllegalStateException("report failed", new IOException("disk full"));
      }
      return recurse(depth - 1);
    }
  }

  private Object run(String className, ClassLoader loader, TaskContext context) throws Exception {
    return run(className, loader, context, List.of());
  }

  private Object run(
      String className, ClassLoader loader, TaskContext context, List<Path> classpath)
      throws Exception {
    String yaml =
        "classpath: " + classpath + "\njobs: [{name: j, once: {}, class: " + className + "}]";
    return definitions.define(job(yaml), loader).action().run(context);
  }

  private static TaskContext context(int attempt, List<Object> args) {
    return new TaskContext("sched-3", "j", attempt, args, Instant.EPOCH);
  }

  @Test
  void aTaskActionGetsTheContext() throws Exception {
    assertThat(run(PREFIX + "ContextAction", getClass().getClassLoader(), context(2, List.of("x"))))
        .isEqualTo("sched-3 2 [x]");
  }

  @Test
  void aRunnableReturnsNothingAndEveryAttemptGetsAFreshInstance() throws Exception {
    int before = CountingRunnable.INSTANCES.get();
    ClassLoader loader = getClass().getClassLoader();

    assertThat(run(PREFIX + "CountingRunnable", loader, context(1, List.of()))).isNull();
    run(PREFIX + "CountingRunnable", loader, context(2, List.of()));

    assertThat(CountingRunnable.INSTANCES.get() - before).isEqualTo(2);
  }

  @Test
  void aCallableRunsWithTheConfigurationsLoaderAsContextLoaderAndTheOldOneIsRestored()
      throws Exception {
    ClassLoader configLoader = new ClassLoader(getClass().getClassLoader()) {};
    ClassLoader before = Thread.currentThread().getContextClassLoader();

    assertThat(run(PREFIX + "LoaderReportingCallable", configLoader, context(1, List.of())))
        .isSameAs(configLoader);
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
  }

  @Test
  void aConstructorsExceptionIsTheErrorThatRetryOnJudges() {
    FlakyConstructor.TRIES.set(0);
    ManualScheduler hand = new ManualScheduler();
    hand.scheduler()
        .schedule(
            definitions.define(
                job(
                    "jobs: [{name: j, once: {}, class: "
                        + PREFIX
                        + "FlakyConstructor, retry: {max_retries: 3, backoff: 10m,"
                        + " retry_on: [java.net.SocketException]}}]"),
                getClass().getClassLoader()));
    hand.scheduler().start();

    String id = hand.scheduler().submit("j", List.of(), Duration.ZERO);
    hand.tick(Duration.ofMinutes(30));

    TaskResult result = hand.scheduler().getResult(id).orElseThrow();
    assertThat(result.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(result.result()).isEqualTo("connected after 3 tries");
  }

  @Test
  void aFailedClassJobsErrorHasItsBoundedStackTraceWithoutHyperndsFrames() {
    ManualScheduler hand = new ManualScheduler();
    hand.scheduler()
        .schedule(
            definitions.define(
                job("jobs: [{name: j, once: {}, class: " + PREFIX + "DeepFailure}]"),
                getClass().getClassLoader()));
    hand.scheduler().start();

    String id = hand.scheduler().submit("j", List.of(), Duration.ZERO);

    TaskError error = hand.scheduler().getResult(id).orElseThrow().error();
    assertThat(error.type()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.message()).isEqualTo("report failed");
    List<String> lines = error.stackTrace().lines().toList();
    assertThat(lines.get(0)).isEqualTo("java.lang.IllegalStateException: report failed");
    assertThat(lines.get(1)).startsWith("\tat " + PREFIX + "DeepFailure.recurse(");
    assertThat(lines).contains("\t… 47 frames omitted");
    assertThat(lines.get(lines.indexOf("\t… 47 frames omitted") + StackTraces.TAIL_FRAMES))
        .startsWith("\tat " + PREFIX + "DeepFailure.call(");
    assertThat(lines).anyMatch(l -> l.startsWith("Caused by: java.io.IOException: disk full"));
    assertThat(error.stackTrace()).doesNotContain("dev.hypernd.engine", "ClassTask");
  }

  @Test
  void aClassJobsTimeoutIsEnforcedByTheEngine() {
    ManualScheduler hand = new ManualScheduler();
    Stuck.whileRunning = () -> hand.tick(Duration.ofSeconds(6));
    hand.scheduler()
        .schedule(
            definitions.define(
                job("jobs: [{name: j, once: {}, timeout: 5s, class: " + PREFIX + "Stuck}]"),
                getClass().getClassLoader()));
    hand.scheduler().start();

    String id = hand.scheduler().submit("j", List.of(), Duration.ZERO);

    TaskResult result = hand.scheduler().getResult(id).orElseThrow();
    assertThat(result.state()).isEqualTo(TaskState.FAILED);
    assertThat(result.error().type()).isEqualTo(TaskTimeoutException.class.getName());
    assertThat(result.error().message()).isEqualTo("timeout after 5s");
    assertThat(result.error().stackTrace()).as("the engine's own, not the job's").isEmpty();
  }

  @Test
  void aClassFromTheFilesClasspathLoadsThroughTheConfigurationsLoader() throws Exception {
    Path classes = dir.resolve("classes");
    JavaSources.compile(classes, "Report", JavaSources.callable("Report", "v1"));
    Path jar = dir.resolve("jobs.jar");
    JavaSources.jar(classes, jar);

    JobClasses first = JobClasses.open(List.of(jar), getClass().getClassLoader());

    assertThat(run("example.Report", first.loader(), context(1, List.of()), List.of(jar)))
        .isEqualTo("v1");
    assertThatThrownBy(() -> Class.forName("example.Report"))
        .as("not on the daemon's own classpath")
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void aReloadKeepsTheLoaderOfAnUnchangedClasspathAndReplacesItWhenAJarChanges() throws Exception {
    Path classes = dir.resolve("classes");
    JavaSources.compile(classes, "Report", JavaSources.callable("Report", "v1"));
    Path jar = dir.resolve("jobs.jar");
    JavaSources.jar(classes, jar);
    JobClasses first = JobClasses.open(List.of(jar), getClass().getClassLoader());

    assertThat(first.reuseOrOpen(List.of(jar))).isSameAs(first);
    assertThat(run("example.Report", first.loader(), context(1, List.of()), List.of(jar)))
        .isEqualTo("v1");

    JavaSources.compile(classes, "Report", JavaSources.callable("Report", "v2"));
    JavaSources.jar(classes, jar);
    JobClasses second = first.reuseOrOpen(List.of(jar));

    assertThat(second).isNotSameAs(first);
    assertThat(run("example.Report", second.loader(), context(1, List.of()), List.of(jar)))
        .isEqualTo("v2");
    assertThat(run("example.Report", first.loader(), context(1, List.of()), List.of(jar)))
        .as("tasks of the old configuration keep the classes they loaded")
        .isEqualTo("v1");
  }

  @Test
  void aDirectoryOnTheClasspathIsFingerprintedByItsFiles() throws Exception {
    Path classes = dir.resolve("classes");
    JavaSources.compile(classes, "Report", JavaSources.callable("Report", "v1"));
    JobClasses first = JobClasses.open(List.of(classes), getClass().getClassLoader());

    assertThat(first.reuseOrOpen(List.of(classes))).isSameAs(first);
    Files.writeString(classes.resolve("example/notes.txt"), "a new resource");
    assertThat(first.reuseOrOpen(List.of(classes))).isNotSameAs(first);
    assertThat(first.reuseOrOpen(List.of())).isNotSameAs(first);
  }
}
