package dev.hypernd.cli;

import java.time.Clock;
import java.util.Map;

/**
 * What hypernctl reads from its surroundings, passed in so that tests can set it.
 *
 * @param env the environment ({@code HYPERND_SOCKET}, {@code XDG_RUNTIME_DIR}, {@code NO_COLOR})
 * @param terminal whether standard output is a terminal
 * @param clock now, and the zone that times are shown in
 */
public record CliContext(Map<String, String> env, boolean terminal, Clock clock) {
  public CliContext {
    env = Map.copyOf(env);
  }

  public static CliContext system() {
    return new CliContext(System.getenv(), System.console() != null, Clock.systemDefaultZone());
  }

  /** Colour only on a terminal, and never when {@code NO_COLOR} is set (no-color.org). */
  boolean colour() {
    String noColor = env.get("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty());
  }
}
