package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.hypernd.engine.OverlapPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The records check what the loader guarantees, so that a hand-built config cannot be worse. */
class ModelTest {
  private static JobConfig job(String name) {
    return new JobConfig(
        name,
        new IntervalSchedule(Duration.ofSeconds(5), false),
        new ShellAction("true"),
        RetryConfig.NONE,
        Optional.empty(),
        OverlapPolicy.SKIP,
        Map.of(),
        Optional.empty(),
        Hooks.NONE,
        false,
        OutputMode.LOG);
  }

  @Test
  void jobNamesFollowTheDocumentedRule() {
    assertThat(job("nightly-cleanup_2.v1").name()).isEqualTo("nightly-cleanup_2.v1");
    assertThat(job("a".repeat(100)).name()).hasSize(100);
    assertThatIllegalArgumentException().isThrownBy(() -> job("a".repeat(101)));
    assertThatIllegalArgumentException().isThrownBy(() -> job("-leading-dash"));
    assertThatIllegalArgumentException().isThrownBy(() -> job(""));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> job("with space"))
        .withMessageContaining("name (\"with space\") must start with a letter or digit");
  }

  @Test
  void schedulesRejectDurationsThatCannotFire() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new IntervalSchedule(Duration.ZERO, false))
        .withMessage("every (PT0S) must be positive");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new OnceSchedule(Duration.ofSeconds(-1), true));
    assertThatNullPointerException()
        .isThrownBy(() -> new CronScheduleSpec("* * * * *", null))
        .withMessage("zone");
  }

  @Test
  void actionsRejectEmptyCommands() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ShellAction(" "));
    assertThatIllegalArgumentException().isThrownBy(() -> new ExecAction(List.of()));
  }

  @Test
  void retryConfigRejectsValuesTheEngineCannotUse() {
    Duration second = Duration.ofSeconds(1);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RetryConfig(-1, second, 2.0, second, List.of()));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RetryConfig(0, Duration.ZERO, 2.0, second, List.of()));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RetryConfig(0, second, 0.5, second, List.of()));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RetryConfig(0, second, Double.NaN, second, List.of()));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RetryConfig(0, second, 2.0, Duration.ofMillis(500), List.of()))
        .withMessage("maxDelay (PT0.5S) must be ≥ backoff (PT1S)");
    assertThatIllegalArgumentException().isThrownBy(() -> new RetryCondition.ExitStatus(0));
    assertThatIllegalArgumentException().isThrownBy(() -> new RetryCondition.ExitStatus(256));
  }

  @Test
  void retryConditionsKnowWhichActionsTheyFit() {
    assertThat(new RetryCondition.ExitStatus(3).appliesTo(new ShellAction("x"))).isTrue();
    assertThat(new RetryCondition.OnTimeout().appliesTo(new ExecAction(List.of("x")))).isTrue();
    assertThat(new RetryCondition.OnTimeout().appliesTo(new ClassAction("a.B"))).isFalse();
    assertThat(
            new RetryCondition.ExceptionType("java.io.IOException")
                .appliesTo(new ClassAction("a.B")))
        .isTrue();
    assertThat(
            new RetryCondition.ExceptionType("java.io.IOException").appliesTo(new ShellAction("x")))
        .isFalse();
  }

  @Test
  void aRetryBlockOverridesKeyByKeyAndStretchesTheDefaultMaxDelay() {
    RetryBlock defaults =
        new RetryBlock(
            Optional.of(3),
            Optional.of(Duration.ofSeconds(5)),
            Optional.empty(),
            Optional.empty(),
            Optional.of(List.of(new RetryCondition.ExitStatus(75))));
    RetryBlock job =
        new RetryBlock(
            Optional.empty(),
            Optional.of(Duration.ofMinutes(2)),
            Optional.of(3.0),
            Optional.empty(),
            Optional.of(List.of()));

    assertThat(job.over(defaults).resolve())
        .isEqualTo(
            new RetryConfig(3, Duration.ofMinutes(2), 3.0, Duration.ofMinutes(2), List.of()));
    assertThat(RetryBlock.EMPTY.resolve()).isEqualTo(RetryConfig.NONE);
  }

  @Test
  void collectionsAreCopiedSoAConfigCannotChangeAfterLoading() {
    List<String> argv = new ArrayList<>(List.of("date"));
    ExecAction action = new ExecAction(argv);
    argv.add("-u");

    assertThat(action.argv()).containsExactly("date");
    JobFile file =
        new JobFile(
            Path.of("jobs.yaml"),
            Defaults.NONE,
            new ArrayList<>(),
            new ArrayList<>(List.of(job("a"))));
    assertThat(file.job("a")).isPresent();
    assertThat(file.job("b")).isEmpty();
  }

  @Test
  void anInvalidResultHasErrorsInFileOrder() {
    Path file = Path.of("jobs.yaml");
    ConfigError late = new ConfigError(file, 9, 1, "jobs[1]", "late");
    ConfigError early = new ConfigError(file, 2, 7, "jobs", "early");
    ConfigError earlier = new ConfigError(file, 2, 3, "jobs", "earlier");

    assertThat(new LoadResult.Invalid(List.of(late, early, earlier)).errors())
        .containsExactly(earlier, early, late);
    assertThatIllegalArgumentException().isThrownBy(() -> new LoadResult.Invalid(List.of()));
    assertThat(
            new LoadResult.Valid(new JobFile(file, Defaults.NONE, List.of(), List.of(job("a"))))
                .errors())
        .isEmpty();
  }
}
