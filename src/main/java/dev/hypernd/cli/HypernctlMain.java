package dev.hypernd.cli;

import dev.hypernd.control.Utf8Output;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Entry point of {@code hypernctl}. Kept light: no static state, no JSON or engine classes until a
 * verb runs, so that {@code --help} and completion ({@link CompleteCommand}) start quickly.
 */
@Command(
    name = "hypernctl",
    versionProvider = CliVersion.class,
    description = "Talk to a running hypernd over its control socket.",
    synopsisSubcommandLabel = "VERB",
    subcommands = {
      StatusCommand.class,
      MetricsCommand.class,
      ResultCommand.class,
      CancelCommand.class,
      SubmitCommand.class,
      TasksCommand.class,
      JobsCommand.class,
      NextCommand.class,
      ReloadCommand.class,
      PauseCommand.class,
      ResumeCommand.class,
      WaitCommand.class,
      LogsCommand.class,
      CompleteCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the daemon said no (unknown task or job, bad state, rejected reload,"
          + " a waited-for task that did not complete)",
      "2:usage error",
      "3:the daemon cannot be reached (not running, no permission, or no answer)"
    },
    footerHeading = "%nSocket:%n",
    footer = {
      "--socket, else $HYPERND_SOCKET, else /run/hypernd/hypernd.sock for root,"
          + " $XDG_RUNTIME_DIR/hypernd.sock for other users, or /tmp/hypernd-UID/hypernd.sock"
          + " without XDG_RUNTIME_DIR: the same rule as hypernd's."
    })
public final class HypernctlMain implements Runnable {
  @Mixin GlobalOptions global;

  @CommandLine.Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Print the version and exit.")
  boolean version;

  @CommandLine.Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final CliContext context;

  HypernctlMain(CliContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  /** The command line of {@code hypernctl}, used by {@link #main} and by tests alike. */
  public static CommandLine commandLine(CliContext context) {
    CommandLine cmd = new CommandLine(new HypernctlMain(context));
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionExceptionHandler(new ExitCodeHandler());
    cmd.setParameterExceptionHandler(new UsageErrors());
    cmd.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            context.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    return cmd;
  }

  CliContext context() {
    return context;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a verb is required: " + UsageErrors.list(UsageErrors.commands(spec.commandLine())));
  }

  public static void main(String[] args) {
    Utf8Output.install();
    CommandLine cmd = commandLine(CliContext.system());
    cmd.setOut(Utf8Output.writer(System.out));
    cmd.setErr(Utf8Output.writer(System.err));
    System.exit(cmd.execute(args));
  }
}
