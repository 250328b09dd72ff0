package dev.hypernd.daemon;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hypernd import}: converts another scheduler's configuration into a job file. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "FORMAT",
    description = "Print a job file converted from another scheduler's configuration.")
public final class ImportCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a format is required: hypernd import crontab [FILE|-]");
  }
}
