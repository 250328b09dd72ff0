package dev.hypernd.cli;

/** Ends a verb with a message for standard error and an exit code of {@link BaseCommand}. */
final class ExitException extends Exception {
  private final int exitCode;

  ExitException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
