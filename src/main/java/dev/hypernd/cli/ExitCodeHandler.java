package dev.hypernd.cli;

import picocli.CommandLine;

/**
 * Prints an {@link ExitException}'s message and returns its code; anything else is a bug and
 * propagates with its stack trace. A class rather than a lambda: the first lambda of a JVM costs
 * tens of milliseconds, which every hypernctl run would pay.
 */
final class ExitCodeHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception e, CommandLine command, CommandLine.ParseResult parseResult) throws Exception {
    if (e instanceof ExitException exit) {
      command.getErr().println("hypernctl: " + exit.getMessage());
      command.getErr().flush();
      return exit.exitCode();
    }
    throw e;
  }
}
