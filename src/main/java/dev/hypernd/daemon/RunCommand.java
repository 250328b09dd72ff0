package dev.hypernd.daemon;

import dev.hypernd.engine.store.InMemoryTaskStore;
import dev.hypernd.jobs.config.ConfigError;
import dev.hypernd.jobs.config.JobFileLoader;
import dev.hypernd.jobs.config.LoadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hypernd run FILE}: runs a job file in the foreground until SIGTERM or SIGINT. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the jobs of FILE in the foreground, logging every event to stdout, until SIGTERM or"
          + " SIGINT. SIGHUP reloads FILE: a valid file is applied at once (unchanged jobs keep"
          + " their schedule and running tasks), an invalid one is logged as config.rejected and"
          + " the running jobs stay.",
      "On SIGTERM or SIGINT no job fires any more, running tasks get the grace period to finish,"
          + " the rest are killed (a command's whole process tree), and hypernd exits 0."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped by SIGTERM or SIGINT",
      "1:the daemon could not start or failed",
      "2:usage error, or FILE is invalid (every error is printed to stderr)"
    })
public final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  static final int EXIT_STOPPED = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_INVALID = 2;
  static final String MEMORY = "memory";

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The job file (YAML).")
  private Path file;

  @Option(
      names = "--log-format",
      paramLabel = "json|text",
      defaultValue = "json",
      converter = LogFormat.Converter.class,
      description =
          "json: one JSON object per line (default); text: one human-readable line per event.")
  private LogFormat logFormat;

  @Option(
      names = "--grace",
      paramLabel = "D",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "How long running tasks may finish after SIGTERM/SIGINT before they are killed"
              + " (default: ${DEFAULT-VALUE}).")
  private Duration grace;

  @Option(
      names = "--socket",
      paramLabel = "PATH",
      description =
          "Path of the control socket for hypernctl. Accepted and reported in daemon.started;"
              + " this version does not serve the socket yet.")
  private Path socket;

  @ArgGroup(exclusive = true)
  private StoreChoice storeChoice;

  /** Where tasks and results are kept: a state directory or a store URL, not both. */
  static final class StoreChoice {
    @Option(
        names = "--state",
        paramLabel = "PATH",
        description = "Keep state in an embedded store under PATH (not in this version).")
    Path state;

    @Option(
        names = "--store",
        paramLabel = "memory|URL",
        description = "The task store: memory (the default; lost when hypernd stops).")
    String store;
  }

  private final JobFileLoader loader;

  /**
   * @param loader the same loader {@code validate} uses, so both accept the same files
   */
  public RunCommand(JobFileLoader loader) {
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> storeProblem = storeProblem();
    if (storeProblem.isPresent()) {
      err.println("hypernd run: " + storeProblem.get());
      return EXIT_INVALID;
    }
    LoadResult result = loader.load(file);
    if (!(result instanceof LoadResult.Valid valid)) {
      for (ConfigError error : result.errors()) {
        err.println(error);
      }
      err.println("hypernd run: " + file + " is invalid; nothing was started");
      return EXIT_INVALID;
    }
    Logging.configure(logFormat, System.out);
    try {
      DaemonSettings settings =
          new DaemonSettings(file, grace, MEMORY, Optional.ofNullable(socket));
      EventLog events = new EventLog();
      Daemon daemon =
          new Daemon(
              settings,
              valid.jobFile(),
              DaemonParts.standard(new InMemoryTaskStore(), loader, events));
      DaemonSignals signals = DaemonSignals.install(daemon);
      daemon.start();
      daemon.stop(signals.awaitStop());
      return EXIT_STOPPED;
    } catch (RuntimeException e) {
      log.error("hypernd failed", e);
      err.println("hypernd run: " + e);
      return EXIT_FAILED;
    } finally {
      Logging.stop();
    }
  }

  /** Only the in-memory store exists in this version; say so rather than ignore the option. */
  private Optional<String> storeProblem() {
    if (storeChoice == null) {
      return Optional.empty();
    }
    if (storeChoice.state != null) {
      return Optional.of(
          "--state "
              + storeChoice.state
              + ": this version has no embedded state store yet;"
              + " tasks and results are kept in memory (--store memory, the default)");
    }
    if (!storeChoice.store.equals(MEMORY)) {
      return Optional.of(
          "--store "
              + storeChoice.store
              + ": this version has only the in-memory store; use --store memory (the default)");
    }
    return Optional.empty();
  }
}
