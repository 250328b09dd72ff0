package dev.hypernd.jobs.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Commands run on task events, each receiving the event as JSON on stdin: {@code on_error} after
 * every failed attempt, {@code on_failure} when a task has failed for good (retries exhausted or
 * not retryable), {@code on_success} when a task has completed.
 */
public record Hooks(
    Optional<CommandAction> onError,
    Optional<CommandAction> onFailure,
    Optional<CommandAction> onSuccess) {
  public static final Hooks NONE = new Hooks(Optional.empty(), Optional.empty(), Optional.empty());

  public Hooks {
    Objects.requireNonNull(onError, "onError");
    Objects.requireNonNull(onFailure, "onFailure");
    Objects.requireNonNull(onSuccess, "onSuccess");
  }
}
