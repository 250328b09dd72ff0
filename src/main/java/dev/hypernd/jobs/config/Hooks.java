package dev.hypernd.jobs.config;

import java.util.Objects;
import java.util.Optional;

/**
 * What is run or sent on task events. Commands get the event as JSON on stdin: {@code on_start}
 * when an attempt starts, {@code on_error} after every failed attempt, {@code on_failure} when a
 * task has failed for good (retries exhausted or not retryable), {@code on_success} when a task has
 * completed. The {@code alert} is a webhook and/or a mail sent on the outcomes it names.
 */
public record Hooks(
    Optional<CommandAction> onStart,
    Optional<CommandAction> onError,
    Optional<CommandAction> onFailure,
    Optional<CommandAction> onSuccess,
    Optional<AlertConfig> alert) {
  public static final Hooks NONE =
      new Hooks(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public Hooks {
    Objects.requireNonNull(onStart, "onStart");
    Objects.requireNonNull(onError, "onError");
    Objects.requireNonNull(onFailure, "onFailure");
    Objects.requireNonNull(onSuccess, "onSuccess");
    Objects.requireNonNull(alert, "alert");
  }
}
