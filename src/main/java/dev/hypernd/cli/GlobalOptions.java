package dev.hypernd.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every verb takes, before or after the verb name ({@code hypernctl --json status} and
 * {@code hypernctl status --json} are the same): mixed into the top command and inherited.
 */
public final class GlobalOptions {
  @Option(
      names = "--socket",
      paramLabel = "PATH",
      scope = ScopeType.INHERIT,
      description = "The daemon's control socket (default: $HYPERND_SOCKET, else as hypernd).")
  Path socket;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print the daemon's answer as JSON, for scripts.")
  boolean json;
}
