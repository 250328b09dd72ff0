package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.OverlapPolicy;
import dev.hypernd.jobs.config.RetryCondition.ExceptionType;
import dev.hypernd.jobs.config.RetryCondition.ExitStatus;
import dev.hypernd.jobs.config.RetryCondition.OnTimeout;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The values a valid file turns into: defaults applied, paths resolved, nothing left implicit. */
class JobFileLoaderTest {
  private static Path dir;
  private static JobFile full;

  @BeforeAll
  static void loadFullExample() throws Exception {
    dir = Path.of(JobFileLoaderTest.class.getResource("/jobfiles/valid").toURI());
    full = load(dir.resolve("full.yaml"));
  }

  static JobFile load(Path file) {
    LoadResult result = FakeChecks.loader().load(file);
    assertThat(result.errors()).isEmpty();
    return ((LoadResult.Valid) result).jobFile();
  }

  private static JobConfig job(String name) {
    return full.job(name).orElseThrow();
  }

  @Test
  void keepsTheFileOrderAndSource() {
    assertThat(full.source()).isEqualTo(dir.resolve("full.yaml"));
    assertThat(full.jobs())
        .extracting(JobConfig::name)
        .containsExactly(
            "interval-seconds",
            "interval-decimal",
            "cron-own-zone",
            "cron-default-zone",
            "once-plain",
            "once-at-start",
            "once-empty",
            "retry-override");
  }

  @Test
  void readsPlainNumbersAsSecondsAndAtStart() {
    assertThat(job("interval-seconds").schedule())
        .isEqualTo(new IntervalSchedule(Duration.ofSeconds(90), true));
    assertThat(job("interval-decimal").schedule())
        .isEqualTo(new IntervalSchedule(Duration.ofMillis(1500), false));
    assertThat(job("retry-override").schedule())
        .isEqualTo(new IntervalSchedule(Duration.ofMinutes(90), false));
  }

  @Test
  void cronZoneIsTheJobsElseTheDefaults() {
    assertThat(job("cron-own-zone").schedule())
        .isEqualTo(new CronScheduleSpec("0 3 * * *", ZoneId.of("UTC")));
    assertThat(job("cron-default-zone").schedule())
        .isEqualTo(new CronScheduleSpec("*/5 * * * *", ZoneId.of("Europe/Berlin")));
  }

  @Test
  void cronZoneFallsBackToTheHostsZone() {
    JobFile file = load(dir.resolve("minimal-cron.yaml"));
    assertThat(file.jobs().get(0).schedule())
        .isEqualTo(new CronScheduleSpec("@daily", ZoneId.systemDefault()));
  }

  @Test
  void onceReadsEmptyMappingNothingAndAtStartWithDelay() {
    assertThat(job("once-plain").schedule()).isEqualTo(new OnceSchedule(Duration.ZERO, false));
    assertThat(job("once-empty").schedule()).isEqualTo(new OnceSchedule(Duration.ZERO, false));
    assertThat(job("once-at-start").schedule())
        .isEqualTo(new OnceSchedule(Duration.ofSeconds(30), true));
  }

  @Test
  void actionsAreShellStringsArgumentListsOrClasses() {
    assertThat(job("interval-seconds").action()).isEqualTo(new ShellAction("echo \"$GREETING\""));
    assertThat(job("interval-decimal").action()).isEqualTo(new ExecAction(List.of("date", "-u")));
    assertThat(job("once-empty").action()).isEqualTo(new ClassAction("com.example.Hello"));
  }

  @Test
  void theDefaultRetryBlockAppliesWhereAJobHasNone() {
    assertThat(job("interval-seconds").retry())
        .isEqualTo(
            new RetryConfig(
                2,
                Duration.ofSeconds(5),
                2.0,
                Duration.ofSeconds(60),
                List.of(new ExitStatus(75), new OnTimeout())));
  }

  @Test
  void aJobsRetryBlockOverridesTheDefaultsKeyByKey() {
    // backoff 2m exceeds the built-in 60s max_delay, which then stretches to the backoff.
    assertThat(job("retry-override").retry())
        .isEqualTo(
            new RetryConfig(
                2,
                Duration.ofMinutes(2),
                1.5,
                Duration.ofMinutes(2),
                List.of(new ExitStatus(75), new OnTimeout())));
  }

  @Test
  void aJobsRetryOnReplacesTheDefaultList() {
    assertThat(job("once-empty").retry().retryOn())
        .containsExactly(
            new ExceptionType("java.io.IOException"),
            new ExceptionType("java.net.ConnectException"));
    assertThat(job("once-empty").retry().maxRetries()).isEqualTo(2);
  }

  @Test
  void withoutAnyRetryBlockAJobIsNotRetried() {
    JobFile file = load(dir.resolve("minimal.yaml"));
    assertThat(file.jobs().get(0).retry())
        .isEqualTo(
            new RetryConfig(0, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), List.of()))
        .isEqualTo(RetryConfig.NONE);
    assertThat(file.defaults()).isEqualTo(Defaults.NONE);
    assertThat(file.classpath()).isEmpty();
  }

  @Test
  void timeoutIsTheJobsElseTheDefaults() {
    assertThat(job("cron-default-zone").timeout()).contains(Duration.ofSeconds(30));
    assertThat(job("interval-seconds").timeout()).contains(Duration.ofMinutes(10));
    assertThat(load(dir.resolve("minimal.yaml")).jobs().get(0).timeout()).isEmpty();
  }

  @Test
  void onceJobsAllowOverlapUnlessTheySetItThemselves() {
    assertThat(job("interval-seconds").overlap()).isEqualTo(OverlapPolicy.QUEUE);
    assertThat(job("cron-default-zone").overlap()).isEqualTo(OverlapPolicy.REPLACE);
    assertThat(job("once-plain").overlap()).isEqualTo(OverlapPolicy.ALLOW);
    assertThat(job("once-at-start").overlap()).isEqualTo(OverlapPolicy.SKIP);
    assertThat(load(dir.resolve("minimal.yaml")).jobs().get(0).overlap())
        .isEqualTo(OverlapPolicy.SKIP);
  }

  @Test
  void envIsTheDefaultsOverlaidByTheJobs() {
    assertThat(job("interval-seconds").env())
        .containsExactly(Map.entry("PATH", "/usr/bin:/bin"), Map.entry("GREETING", "hello"));
    assertThat(job("retry-override").env())
        .containsExactly(
            Map.entry("PATH", "/usr/bin:/bin"),
            Map.entry("GREETING", "hi"),
            Map.entry("EXTRA", "1"));
  }

  @Test
  void relativePathsAreRelativeToTheFilesDirectory() {
    assertThat(job("retry-override").workdir()).contains(dir.getParent());
    assertThat(job("interval-seconds").workdir()).isEmpty();
    assertThat(full.classpath()).containsExactly(dir, dir);
  }

  @Test
  void hooksAreShellStringsOrArgumentLists() {
    assertThat(job("retry-override").hooks())
        .isEqualTo(
            new Hooks(
                Optional.empty(),
                Optional.of(new ShellAction("cat >&2")),
                Optional.of(new ExecAction(List.of("sh", "-c", "cat > /dev/null"))),
                Optional.of(new ShellAction("echo done")),
                Optional.empty()));
    assertThat(job("interval-seconds").hooks()).isEqualTo(Hooks.NONE);
  }

  @Test
  void catchUpIsOffUnlessSet() {
    assertThat(job("cron-own-zone").catchUp()).isTrue();
    assertThat(job("cron-default-zone").catchUp()).isFalse();
  }

  @Test
  void outputIsLogUnlessTheJobOrTheDefaultsSayDiscard() {
    JobFile outputs = load(dir.resolve("output.yaml"));

    assertThat(job("interval-seconds").output()).isEqualTo(OutputMode.LOG);
    assertThat(outputs.job("inherits-discard").orElseThrow().output())
        .isEqualTo(OutputMode.DISCARD);
    assertThat(outputs.job("logs-its-own").orElseThrow().output()).isEqualTo(OutputMode.LOG);
    assertThat(outputs.job("a-class-job").orElseThrow().output()).isEqualTo(OutputMode.DISCARD);
    assertThat(outputs.defaults().output()).hasValue(OutputMode.DISCARD);
  }

  @Test
  void theDefaultsBlockIsKeptAsWritten() {
    assertThat(full.defaults())
        .isEqualTo(
            new Defaults(
                Optional.of(ZoneId.of("Europe/Berlin")),
                Optional.of(Duration.ofMinutes(10)),
                Optional.of(OverlapPolicy.QUEUE),
                new RetryBlock(
                    Optional.of(2),
                    Optional.of(Duration.ofSeconds(5)),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(List.of(new ExitStatus(75), new OnTimeout()))),
                Map.of("PATH", "/usr/bin:/bin", "GREETING", "hello"),
                Optional.empty(),
                Optional.empty()));
  }
}
