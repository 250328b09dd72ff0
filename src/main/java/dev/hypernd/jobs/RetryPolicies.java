package dev.hypernd.jobs;

import dev.hypernd.engine.RetryPolicy;
import dev.hypernd.engine.TaskTimeoutException;
import dev.hypernd.jobs.config.Action;
import dev.hypernd.jobs.config.ClassAction;
import dev.hypernd.jobs.config.RetryCondition;
import dev.hypernd.jobs.config.RetryConfig;
import dev.hypernd.jobs.shell.RetryOnExitCodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** A job's {@link RetryConfig} as the engine's {@link RetryPolicy}. */
final class RetryPolicies {
  private RetryPolicies() {}

  static RetryPolicy of(RetryConfig retry, Action action) {
    RetryPolicy.Builder policy =
        RetryPolicy.builder()
            .maxRetries(retry.maxRetries())
            .backoff(retry.backoff())
            .backoffFactor(retry.backoffFactor())
            .maxDelay(retry.maxDelay());
    // An empty retry_on retries every failure, which is the engine's rule without a predicate.
    if (!retry.retryOn().isEmpty()) {
      policy.retryIf(retryOn(retry.retryOn(), action));
    }
    return policy.build();
  }

  private static Predicate<Throwable> retryOn(List<RetryCondition> conditions, Action action) {
    if (action instanceof ClassAction) {
      List<String> names = new ArrayList<>();
      for (RetryCondition condition : conditions) {
        if (condition instanceof RetryCondition.ExceptionType type) {
          names.add(type.className());
        }
      }
      return new ExceptionNames(names);
    }
    Set<Integer> codes = new HashSet<>();
    boolean onTimeout = false;
    for (RetryCondition condition : conditions) {
      if (condition instanceof RetryCondition.ExitStatus status) {
        codes.add(status.code());
      } else if (condition instanceof RetryCondition.OnTimeout) {
        onTimeout = true;
      }
    }
    // The engine's timeout only reaches a command job if the runner's own did not fire first.
    return new RetryOnExitCodes(codes, onTimeout, t -> t instanceof TaskTimeoutException);
  }
}
