package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void defaultsGiveOneTwoFourSecondDelays() {
    RetryPolicy policy = RetryPolicy.builder().maxRetries(3).build();
    assertThat(policy.backoff()).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoffFactor()).isEqualTo(2.0);
    assertThat(policy.maxDelay()).isEqualTo(Duration.ofSeconds(60));
    assertThat(policy.delayBeforeRetry(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.delayBeforeRetry(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.delayBeforeRetry(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.delayBeforeRetry(3)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void maxRetriesThreeAllowsFourAttempts() {
    RetryPolicy policy = RetryPolicy.builder().maxRetries(3).build();
    Exception e = new IOException("x");
    assertThat(policy.shouldRetry(e, 1)).isTrue();
    assertThat(policy.shouldRetry(e, 3)).isTrue();
    assertThat(policy.shouldRetry(e, 4)).isFalse();
    assertThat(RetryPolicy.none().shouldRetry(e, 1)).isFalse();
  }

  @Test
  void delaysAreCappedByMaxDelay() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxRetries(10)
            .backoff(Duration.ofSeconds(5))
            .backoffFactor(3)
            .maxDelay(Duration.ofSeconds(100))
            .build();
    assertThat(policy.delayBeforeRetry(0)).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.delayBeforeRetry(2)).isEqualTo(Duration.ofSeconds(45));
    assertThat(policy.delayBeforeRetry(3)).isEqualTo(Duration.ofSeconds(100));
    assertThat(policy.delayBeforeRetry(10_000)).isEqualTo(Duration.ofSeconds(100));
  }

  @Test
  void retryOnMatchesSubclassesOnly() {
    RetryPolicy policy = RetryPolicy.builder().maxRetries(1).retryOn(IOException.class).build();
    assertThat(policy.isRetryable(new IOException())).isTrue();
    assertThat(policy.isRetryable(new FileNotFoundException())).isTrue();
    assertThat(policy.isRetryable(new IllegalStateException())).isFalse();
  }

  @Test
  void retryIfAddsToRetryOn() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxRetries(1)
            .retryOn(IOException.class)
            .retryIf(e -> e.getMessage() != null && e.getMessage().startsWith("busy"))
            .build();
    assertThat(policy.isRetryable(new IllegalStateException("busy now"))).isTrue();
    assertThat(policy.isRetryable(new IllegalStateException("broken"))).isFalse();
    assertThat(policy.isRetryable(new IOException())).isTrue();
  }

  @Test
  void withoutFiltersEveryErrorIsRetryable() {
    assertThat(RetryPolicy.builder().maxRetries(1).build().isRetryable(new Error("x"))).isTrue();
  }

  @Test
  void badValuesNameTheParameterAndValue() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRetries (-1)");
    assertThatThrownBy(() -> RetryPolicy.builder().backoff(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backoff");
    assertThatThrownBy(() -> RetryPolicy.builder().backoffFactor(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backoffFactor (0.5)");
    assertThatThrownBy(() -> RetryPolicy.builder().backoffFactor(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().backoff(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("backoff");
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .backoff(Duration.ofMinutes(2))
                    .maxDelay(Duration.ofMinutes(1))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxDelay (1m) must not be shorter than backoff (2m)");
  }

  @Test
  void builtPolicyIsUnaffectedByLaterBuilderChanges() {
    RetryPolicy.Builder builder = RetryPolicy.builder().maxRetries(2).retryOn(IOException.class);
    RetryPolicy policy = builder.build();
    builder.maxRetries(9).retryOn(IllegalStateException.class);
    assertThat(policy.maxRetries()).isEqualTo(2);
    assertThat(policy.retryOn()).containsExactly(IOException.class);
  }
}
