package dev.hypernd.daemon;

import dev.hypernd.cli.UsageErrors;
import dev.hypernd.control.Utf8Output;
import dev.hypernd.jobs.JobFiles;
import dev.hypernd.jobs.config.JobFileLoader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code hypernd} command. */
@Command(
    name = "hypernd",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "A job-scheduler daemon: interval, cron and one-shot jobs from a YAML file.",
    synopsisSubcommandLabel = "COMMAND",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success; for run: stopped by SIGTERM or SIGINT",
      "1:the daemon could not start or failed",
      "2:usage error, or an invalid job file or cron expression"
    })
public final class HyperndMain implements Runnable {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /**
   * The command line of {@code hypernd} for tests: {@code run} leaves the JVM's own signal handling
   * alone, so that it never keeps a test JVM from being stopped.
   */
  public static CommandLine commandLine() {
    return commandLine(() -> DaemonSignals.install((name, handler) -> {}));
  }

  /**
   * The command line of {@code hypernd}.
   *
   * @param signals the signal handling of {@code run}, asked for once when it starts
   */
  static CommandLine commandLine(Supplier<DaemonSignals> signals) {
    CommandLine cmd = new CommandLine(new HyperndMain());
    JobFileLoader loader = JobFiles.loader();
    cmd.addSubcommand(new RunCommand(loader, signals));
    cmd.addSubcommand(new CronNextCommand());
    cmd.addSubcommand(new ValidateCommand(loader));
    cmd.addSubcommand(
        new CommandLine(new ImportCommand())
            .addSubcommand(new ImportCrontabCommand(loader, System.in)));
    cmd.setExitCodeExceptionMapper(e -> 2);
    // The same report of a bad command line as hypernctl's: "hypernd: unknown command 'x'; ...".
    cmd.setParameterExceptionHandler(new UsageErrors());
    // "@daily" is a cron macro, not a file of arguments.
    cmd.setExpandAtFiles(false);
    return cmd;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a command is required: " + UsageErrors.list(UsageErrors.commands(spec.commandLine())));
  }

  public static void main(String[] args) {
    // First of all: until the daemon's handlers are in place, the JVM's own would end the process
    // on SIGHUP, SIGTERM or SIGINT without a word. Only for run; the short commands keep the usual
    // meaning of Ctrl-C.
    Supplier<DaemonSignals> signals = DaemonSignals::install;
    if (args.length > 0 && args[0].equals("run")) {
      DaemonSignals installed = DaemonSignals.install();
      signals = () -> installed;
    }
    Utf8Output.install();
    if (JournalStream.isStderr(System.getenv())) {
      // What hypernd prints on stderr are errors (an invalid job file at start, a usage error);
      // journald would otherwise record them at the priority of ordinary output.
      System.setErr(
          new PrintStream(
              new LinePrefixingStream(
                  new FileOutputStream(FileDescriptor.err),
                  "<3>".getBytes(StandardCharsets.US_ASCII)),
              true,
              StandardCharsets.UTF_8));
    }
    CommandLine cmd = commandLine(signals);
    cmd.setOut(Utf8Output.writer(System.out));
    cmd.setErr(Utf8Output.writer(System.err));
    System.exit(cmd.execute(args));
  }
}
