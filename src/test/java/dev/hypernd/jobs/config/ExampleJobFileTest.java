package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.OverlapPolicy;
import dev.hypernd.jobs.config.RetryCondition.ExceptionType;
import dev.hypernd.jobs.config.RetryCondition.ExitStatus;
import dev.hypernd.jobs.config.RetryCondition.OnTimeout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documented example must stay valid and complete: users copy it, and design §8 runs it as is
 * from a fresh clone.
 */
class ExampleJobFileTest {
  private static final Path EXAMPLE = Path.of("jobs.example.yaml");
  private static JobFile example;

  @BeforeAll
  static void load() {
    JobFileLoader loader =
        new JobFileLoader(
            expression -> Optional.empty(), FakeChecks.classes("dev.hypernd.examples.HelloJob"));
    LoadResult result = loader.load(EXAMPLE);
    assertThat(result.errors()).isEmpty();
    example = ((LoadResult.Valid) result).jobFile();
  }

  private static JobConfig job(String name) {
    return example.job(name).orElseThrow();
  }

  /**
   * The example shows the metrics block commented out, so that running it opens no port; this is
   * the file with those two lines uncommented.
   */
  private static String withMetrics() throws IOException {
    String text = Files.readString(EXAMPLE);
    String commented = "# metrics:\n#   listen: 127.0.0.1:9464\n";
    assertThat(text).as("the commented metrics block").contains(commented);
    return text.replace(commented, "metrics:\n  listen: 127.0.0.1:9464\n");
  }

  @Test
  void usesEveryKeyOfTheSchema() throws IOException {
    String yaml =
        withMetrics()
            .lines()
            .filter(line -> !line.strip().startsWith("#"))
            .collect(Collectors.joining("\n"));
    List<String> keys =
        Stream.of(
                List.of("defaults", "classpath", "metrics", "jobs"),
                List.of("timezone", "timeout", "overlap", "retry", "env", "output"),
                JobFileLoader.METRICS_KEYS,
                JobReader.KEYS,
                RetryReader.KEYS,
                List.of("delay"))
            .flatMap(List::stream)
            .toList();
    for (String key : keys) {
      assertThat(Pattern.compile("(^|[\\s{,])" + key + ":", Pattern.MULTILINE).matcher(yaml).find())
          .as("the example uses %s", key)
          .isTrue();
    }
  }

  /** The header quotes an error for "backoff: fast" in the job flaky; it must stay true. */
  @Test
  void theQuotedErrorIsWhatValidatePrints() throws IOException {
    String text = Files.readString(EXAMPLE);
    String quoted =
        text.lines()
            .dropWhile(line -> !line.contains("validate would print"))
            .skip(1)
            .findFirst()
            .orElseThrow()
            .replaceFirst("^#\\s+", "")
            .replace("…", "");
    String broken = text.replace("      backoff: 2s\n", "      backoff: fast\n");

    LoadResult result =
        new JobFileLoader(
                expression -> Optional.empty(), FakeChecks.classes("dev.hypernd.examples.HelloJob"))
            .parse(EXAMPLE, broken);

    assertThat(result.errors()).singleElement().asString().startsWith(quoted);
  }

  @Test
  void opensNoPortButItsCommentedMetricsBlockIsValid() throws IOException {
    assertThat(example.metrics()).isEqualTo(MetricsConfig.NONE);

    LoadResult result =
        new JobFileLoader(
                expression -> Optional.empty(), FakeChecks.classes("dev.hypernd.examples.HelloJob"))
            .parse(EXAMPLE, withMetrics());

    assertThat(result.errors()).isEmpty();
    assertThat(((LoadResult.Valid) result).jobFile().metrics().listen())
        .contains(new ListenAddress("127.0.0.1", 9464));
  }

  @Test
  void showsEveryKindOfSchedule() {
    assertThat(job("heartbeat").schedule())
        .isEqualTo(new IntervalSchedule(Duration.ofSeconds(10), true));
    assertThat(job("every-minute").schedule())
        .isEqualTo(new CronScheduleSpec("* * * * *", ZoneId.of("UTC")));
    assertThat(job("nightly-report").schedule())
        .isEqualTo(
            new CronScheduleSpec(
                "0 3 * * *",
                ZoneId.of("Europe/Berlin"),
                Optional.of(new RandomDelay(Duration.ofMinutes(5), true))));
    assertThat(job("greet").schedule()).isEqualTo(new OnceSchedule(Duration.ZERO, false));
    assertThat(job("warm-up").schedule()).isEqualTo(new OnceSchedule(Duration.ofSeconds(5), true));
  }

  @Test
  void showsEveryKindOfAction() {
    assertThat(job("heartbeat").action()).isInstanceOf(ShellAction.class);
    assertThat(job("every-minute").action()).isInstanceOf(ExecAction.class);
    assertThat(job("greet").action())
        .isEqualTo(new ShellAction("echo \"$GREETING, $# people:\" \"$@\""));
    assertThat(job("hello-java").action())
        .isEqualTo(new ClassAction("dev.hypernd.examples.HelloJob"));
  }

  @Test
  void showsRetriesOfExitStatusesTimeoutsAndExceptions() {
    assertThat(job("flaky").retry())
        .isEqualTo(
            new RetryConfig(
                4, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(10), List.of(new ExitStatus(3))));
    assertThat(job("slow").retry().retryOn()).containsExactly(new OnTimeout());
    assertThat(job("slow").timeout()).contains(Duration.ofSeconds(3));
    assertThat(job("hello-java").retry())
        .isEqualTo(
            new RetryConfig(
                2,
                Duration.ofMillis(500),
                2.0,
                Duration.ofSeconds(60),
                List.of(new ExceptionType("java.io.IOException"))));
  }

  @Test
  void showsHooksEnvOverlapWorkdirAndCatchUp() {
    Hooks hooks = job("flaky").hooks();
    assertThat(List.of(hooks.onError(), hooks.onFailure(), hooks.onSuccess()))
        .allMatch(Optional::isPresent);
    assertThat(job("greet").env())
        .containsEntry("GREETING", "good morning")
        .containsEntry("LC_ALL", "C");
    assertThat(job("greet").overlap()).isEqualTo(OverlapPolicy.QUEUE);
    assertThat(job("warm-up").overlap()).isEqualTo(OverlapPolicy.ALLOW);
    assertThat(job("heartbeat").overlap()).isEqualTo(OverlapPolicy.SKIP);
    assertThat(job("warm-up").workdir()).contains(EXAMPLE.toAbsolutePath().getParent());
    assertThat(job("nightly-report").catchUp()).isTrue();
  }

  /**
   * A newcomer reads the comment above a job to know what it shows; a job that fails on purpose
   * must say so there ({@code DaemonRunE2ETest} runs the file and holds every other job to not
   * failing).
   */
  @Test
  void everyJobIsIntroducedByACommentAndThoseThatFailSaySo() {
    Map<String, String> comments = ExampleJobs.comments();

    assertThat(comments.keySet())
        .containsExactlyElementsOf(example.jobs().stream().map(JobConfig::name).toList());
    assertThat(comments).allSatisfy((job, comment) -> assertThat(comment).as(job).isNotBlank());
    assertThat(comments.get("flaky")).contains("fails twice on purpose");
    assertThat(comments.get("slow")).contains("fails that way on purpose");
  }

  @Test
  void theSlowJobShowsItsTimeoutAtStartAndThenSucceeds() {
    assertThat(job("slow").schedule()).isEqualTo(new IntervalSchedule(Duration.ofMinutes(5), true));
    assertThat(job("slow").retry().maxRetries()).isEqualTo(1);
    assertThat(job("slow").action()).isInstanceOf(ShellAction.class);
    assertThat(((ShellAction) job("slow").action()).script())
        .contains("if [ \"$HYPERN_ATTEMPT\" = 1 ]; then sleep 30; fi");
  }

  @Test
  void runsWithCoreutilsAndTheShippedClassOnly() {
    assertThat(example.classpath()).isEmpty();
    assertThat(example.jobs())
        .extracting(JobConfig::action)
        .filteredOn(ExecAction.class::isInstance)
        .extracting(action -> ((ExecAction) action).argv().get(0))
        .allMatch(program -> List.of("date", "sleep").contains(program));
  }
}
