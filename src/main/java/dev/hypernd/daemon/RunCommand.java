package dev.hypernd.daemon;

import dev.hypernd.control.SocketPaths;
import dev.hypernd.control.Terminal;
import dev.hypernd.control.server.ControlServer;
import dev.hypernd.control.server.SocketInUseException;
import dev.hypernd.daemon.journal.JournalSocket;
import dev.hypernd.daemon.metrics.ConfiguredMetricsEndpoint;
import dev.hypernd.daemon.metrics.HyperndMetrics;
import dev.hypernd.daemon.systemd.SystemdNotifications;
import dev.hypernd.engine.store.StoreException;
import dev.hypernd.engine.store.TaskStore;
import dev.hypernd.jobs.config.ConfigError;
import dev.hypernd.jobs.config.JobFileLoader;
import dev.hypernd.jobs.config.ListenAddress;
import dev.hypernd.jobs.config.LoadResult;
import dev.hypernd.store.sqlite.TaskStores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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
          + " the rest are killed (a command's whole process tree), and hypernd exits 0.",
      "Under systemd (Type=notify, $NOTIFY_SOCKET set) it reports READY=1 once the control socket"
          + " is bound and jobs are scheduled, RELOADING=1 and READY=1 around each reload,"
          + " STOPPING=1 on shutdown and a STATUS= line; with WatchdogSec= ($WATCHDOG_USEC) it"
          + " sends WATCHDOG=1 every half interval while the scheduler responds."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped by SIGTERM or SIGINT",
      "1:the daemon could not start or failed",
      "2:usage error, or FILE is unreadable or invalid (every error is printed to stderr)"
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
      converter = LogFormat.Converter.class,
      description =
          "json: one JSON object per line; text: one short line per event, such as"
              + " '22:57:25 backup sched-12 started (attempt 1)'. Default: text when stdout is a"
              + " terminal, json otherwise (a file, a pipe, journald).")
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
          "Path of the control socket for hypernctl. Default: $HYPERND_SOCKET, else"
              + " /run/hypernd/hypernd.sock for root, else $XDG_RUNTIME_DIR/hypernd.sock, else"
              + " /tmp/hypernd-UID/hypernd.sock.")
  private Path socket;

  @Option(
      names = "--metrics-listen",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:HYPERND_METRICS_LISTEN}",
      converter = ListenAddressConverter.class,
      description =
          "Serve Prometheus metrics at http://HOST:PORT/metrics, e.g. 127.0.0.1:9464 or"
              + " [::1]:9464 (port 0: any free port). There is no authentication: keep it on"
              + " loopback or behind a proxy. Off by default. Without this option,"
              + " $HYPERND_METRICS_LISTEN sets it, else FILE's metrics.listen, which a reload"
              + " applies.")
  private ListenAddress metricsListen;

  @ArgGroup(exclusive = true)
  private StoreChoice storeChoice;

  /** Where tasks and results are kept: a state file or a store kind, not both. */
  static final class StoreChoice {
    @Option(
        names = "--state",
        paramLabel = "PATH",
        description =
            "The embedded state file (SQLite). Default: $STATE_DIRECTORY/state.db under systemd,"
                + " /var/lib/hypernd/state.db for root, else"
                + " $XDG_STATE_HOME/hypernd/state.db (~/.local/state/hypernd/state.db).")
    Path state;

    @Option(
        names = "--store",
        paramLabel = "memory",
        description = "memory: keep tasks and results in memory only, lost when hypernd stops.")
    String store;
  }

  private final JobFileLoader loader;
  private final Supplier<DaemonSignals> signalHandling;

  /**
   * @param loader the same loader {@code validate} uses, so both accept the same files
   * @param signals the signal handlers, asked for first thing (main installs them even earlier)
   */
  RunCommand(JobFileLoader loader, Supplier<DaemonSignals> signals) {
    this.loader = Objects.requireNonNull(loader, "loader");
    this.signalHandling = Objects.requireNonNull(signals, "signals");
  }

  @Override
  public Integer call() throws InterruptedException {
    DaemonSignals signals = signalHandling.get();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> storeProblem = storeProblem();
    if (storeProblem.isPresent()) {
      err.println("hypernd run: " + storeProblem.get());
      return EXIT_INVALID;
    }
    signals.reading();
    LoadResult result = loader.load(file);
    if (result instanceof LoadResult.Invalid invalid && invalid.unreadable()) {
      err.println(
          "hypernd run: "
              + file
              + ": "
              + invalid.errors().get(0).message()
              + "; nothing was started");
      return EXIT_INVALID;
    }
    if (!(result instanceof LoadResult.Valid valid)) {
      for (ConfigError error : result.errors()) {
        err.println(error);
      }
      err.println("hypernd run: " + file + " is invalid; nothing was started");
      return EXIT_INVALID;
    }
    TaskStore store;
    String storeName;
    try {
      if (storeChoice != null && storeChoice.store != null) {
        store = TaskStores.memory();
        storeName = MEMORY;
      } else {
        Path state = storeChoice != null ? storeChoice.state : defaultStateFile();
        store = TaskStores.open(state);
        storeName = state.toString();
      }
    } catch (StoreException e) {
      err.println("hypernd run: " + e.getMessage());
      return EXIT_FAILED;
    }
    Path socketPath = SocketPaths.resolve(Optional.ofNullable(socket), System.getenv());
    boolean journal = JournalStream.isStdout(System.getenv());
    Logging.configure(
        logFormat != null ? logFormat : LogFormat.byDefault(Terminal.isStdout()),
        System.out,
        journal,
        journal ? nativeJournal() : Optional.empty());
    try {
      DaemonSettings settings = new DaemonSettings(file, grace, storeName, Optional.of(socketPath));
      EventLog events = new EventLog();
      Daemon daemon =
          new Daemon(settings, valid.jobFile(), DaemonParts.standard(store, loader, events));
      ControlServer control = DaemonControl.server(daemon, socketPath);
      // The registry counts from the start even while nothing serves it, so that a reload that
      // adds metrics.listen serves whole histograms. Added before systemd's listener, so that
      // READY=1 after a reload comes once the endpoint has moved.
      ConfiguredMetricsEndpoint metrics;
      try {
        metrics =
            ConfiguredMetricsEndpoint.start(
                daemon, fixedMetricsAddress(), HyperndMetrics.register(daemon));
      } catch (IOException e) {
        return failStart(e.getMessage(), store);
      }
      SystemdNotifications systemd = SystemdNotifications.forDaemon(daemon, System.getenv());
      try {
        control.start();
      } catch (IOException e) {
        String why =
            e instanceof SocketInUseException
                ? e.getMessage()
                : "cannot serve the control socket " + socketPath + ": " + e.getMessage();
        return failStart(why, store, systemd, metrics);
      }
      // No new requests while stopping; a client waiting on a task gets its connection closed.
      // Closed once daemon.stopping is logged, so that the log tells the stop before its steps.
      daemon.addListener(
          new DaemonListener() {
            @Override
            public void stopping(String reason, Duration grace) {
              control.close();
            }
          });
      signals.daemonReady(daemon::reload);
      daemon.start();
      daemon.stop(signals.awaitStop());
      control.close();
      // Metrics stay scrapable during the grace period; systemd hears STOPPING=1 at its start.
      metrics.close();
      systemd.close();
      return EXIT_STOPPED;
    } catch (RuntimeException e) {
      log.error("hypernd failed", e);
      err.println("hypernd run: " + e);
      return EXIT_FAILED;
    } finally {
      Logging.stop();
    }
  }

  private int failStart(String why, AutoCloseable... opened) {
    for (AutoCloseable resource : opened) {
      if (resource != null) {
        try {
          resource.close();
        } catch (Exception e) {
          log.warn("could not close {} after a failed start: {}", resource, e.toString());
        }
      }
    }
    log.error("hypernd cannot start: {}", why);
    spec.commandLine().getErr().println("hypernd run: " + why);
    return EXIT_FAILED;
  }

  /**
   * journald's native socket, for events with fields, when standard output is the journal; empty
   * (and the events go to standard output, each line with its priority) when it cannot be used.
   */
  private Optional<JournalSocket> nativeJournal() {
    try {
      return JournalSocket.open(JournalSocket.SYSTEM);
    } catch (IOException | RuntimeException | LinkageError e) {
      spec.commandLine()
          .getErr()
          .println(
              "hypernd run: cannot use the journal's socket "
                  + JournalSocket.SYSTEM
                  + " ("
                  + e
                  + "); events go to standard output without their fields");
      return Optional.empty();
    }
  }

  /** {@code --metrics-listen}, or {@code HYPERND_METRICS_LISTEN} through its default. */
  private Optional<ConfiguredMetricsEndpoint.Setting> fixedMetricsAddress() {
    boolean given = spec.commandLine().getParseResult().hasMatchedOption("--metrics-listen");
    return Optional.ofNullable(metricsListen)
        .map(
            address ->
                new ConfiguredMetricsEndpoint.Setting(
                    address, given ? "--metrics-listen" : "HYPERND_METRICS_LISTEN"));
  }

  /** PostgreSQL comes with the cluster work; say so rather than ignore the option. */
  private Optional<String> storeProblem() {
    if (storeChoice == null || storeChoice.store == null || storeChoice.store.equals(MEMORY)) {
      return Optional.empty();
    }
    return Optional.of(
        "--store "
            + storeChoice.store
            + ": unknown store; use --store memory, or --state PATH for the embedded store"
            + " (the default)");
  }

  private static Path defaultStateFile() {
    boolean root = "root".equals(System.getProperty("user.name"));
    return TaskStores.defaultFile(System.getenv(), root, Path.of(System.getProperty("user.home")));
  }
}
