package dev.hypernd.jobs.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RetryOnExitCodesTest {
  /** Stands in for the engine's timeout exception, which this package cannot see. */
  private static final class TaskTimeoutException extends Exception {}

  private static final Predicate<Throwable> IS_TIMEOUT = t -> t instanceof TaskTimeoutException;

  private static ShellJobException failure(int exitCode, OptionalInt signal) {
    return ShellJobException.of(new ShellOutcome(exitCode, signal, "", "", Duration.ZERO, 1));
  }

  @Test
  void retriesListedExitCodesOnly() {
    RetryOnExitCodes retryOn = new RetryOnExitCodes(Set.of(75, 137), false, IS_TIMEOUT);

    assertThat(retryOn.test(failure(75, OptionalInt.empty()))).isTrue();
    assertThat(retryOn.test(failure(1, OptionalInt.empty()))).isFalse();
    assertThat(retryOn.test(failure(137, OptionalInt.of(9)))).as("SIGKILL is 137").isTrue();
    assertThat(retryOn.test(failure(143, OptionalInt.of(15)))).isFalse();
  }

  @Test
  void aShellTimeoutIsJudgedAsATimeoutNeverByTheKilledJobsExitStatus() {
    ShellTimeoutException timeout =
        new ShellTimeoutException(
            Duration.ofSeconds(1),
            new ShellOutcome(143, OptionalInt.empty(), "", "", Duration.ZERO, 1));

    assertThat(new RetryOnExitCodes(Set.of(143), false, IS_TIMEOUT).test(timeout)).isFalse();
    assertThat(new RetryOnExitCodes(Set.of(), true, IS_TIMEOUT).test(timeout)).isTrue();
  }

  @Test
  void retriesTimeoutsOnlyWhenListed() {
    assertThat(new RetryOnExitCodes(Set.of(), true, IS_TIMEOUT).test(new TaskTimeoutException()))
        .isTrue();
    assertThat(new RetryOnExitCodes(Set.of(75), false, IS_TIMEOUT).test(new TaskTimeoutException()))
        .isFalse();
  }

  @Test
  void otherFailuresAreNotRetried() {
    RetryOnExitCodes retryOn = new RetryOnExitCodes(Set.of(1), true, IS_TIMEOUT);

    assertThat(retryOn.test(new IOException("cannot start"))).isFalse();
    assertThat(retryOn.test(new RuntimeException(failure(1, OptionalInt.empty())))).isFalse();
    assertThat(retryOn.test(null)).isFalse();
  }

  @Test
  void exitCodesMustBeFailureStatuses() {
    assertThatThrownBy(() -> new RetryOnExitCodes(Set.of(0), false, IS_TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("exit code (0) must be between 1 and 255");
    assertThatThrownBy(() -> new RetryOnExitCodes(Set.of(256), false, IS_TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describesItself() {
    assertThat(new RetryOnExitCodes(Set.of(75, 3), true, IS_TIMEOUT))
        .hasToString("retry on exit codes [3, 75] and timeout");
  }
}
