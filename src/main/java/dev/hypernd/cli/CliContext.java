package dev.hypernd.cli;

import dev.hypernd.control.Terminal;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What hypernctl reads from its surroundings, passed in so that tests can set it: the environment
 * ({@code HYPERND_SOCKET}, {@code XDG_RUNTIME_DIR}, {@code NO_COLOR}, {@code TERM}), whether
 * standard output is a terminal, and the clock (now, and the zone times are shown in).
 */
public final class CliContext {
  private final Map<String, String> env;
  private final boolean terminal;
  private final Clock clock;

  /**
   * @param clock the clock, or {@code null} for the host's, looked up only when a verb needs it
   *     (loading the zone rules is a noticeable part of a short command's start)
   */
  public CliContext(Map<String, String> env, boolean terminal, Clock clock) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.terminal = terminal;
    this.clock = clock;
  }

  public static CliContext system() {
    return new CliContext(System.getenv(), Terminal.isStdout(), null);
  }

  Map<String, String> env() {
    return env;
  }

  Clock clock() {
    return clock != null ? clock : Clock.systemDefaultZone();
  }

  /**
   * Whether standard output is a terminal, whatever standard input is: tables are cut to fit there,
   * and never in a pipe or a file.
   */
  boolean terminal() {
    return terminal;
  }

  /**
   * Colour only on a terminal that can show it: never when {@code NO_COLOR} is set (no-color.org)
   * or {@code TERM} is {@code dumb}.
   */
  boolean colour() {
    String noColor = env.get("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }
}
