package dev.hypernd.jobs.config;

import java.util.Objects;

/**
 * {@code command: "echo hi"}: run as {@code /bin/sh -c script}; the arguments of a submission are
 * the script's positional parameters ({@code "$@"}).
 */
public record ShellAction(String script) implements CommandAction {
  public ShellAction {
    Objects.requireNonNull(script, "script");
    if (script.isBlank()) {
      throw new IllegalArgumentException("script must not be blank");
    }
  }
}
