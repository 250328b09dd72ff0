package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.control.ControlClient;
import dev.hypernd.control.ControlResponse;
import dev.hypernd.control.DaemonUnreachableException;
import dev.hypernd.control.SocketPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A verb: builds one request, sends it, and prints the answer for people or, with {@code --json},
 * the answer's {@code data} as it came.
 */
abstract class BaseCommand implements Callable<Integer> {
  static final int OK = 0;

  /** The daemon answered but said no: unknown task, bad state, a failed task for wait. */
  static final int REFUSED = 1;

  static final int USAGE = 2;
  static final int UNREACHABLE = 3;

  /** How long an ordinary verb waits for its answer before the daemon counts as hung. */
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

  @ParentCommand HypernctlMain main;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Spec CommandSpec spec;

  /** The request: its {@code verb} and fields. */
  abstract Map<String, Object> request();

  /** Prints {@code data} for people. */
  abstract void print(JsonNode data, Printer out);

  /** Prints {@code data} for scripts ({@code --json}). */
  void printJson(JsonNode data, Printer out) {
    out.json(data);
  }

  /**
   * The exit code for an answer the daemon gave; most verbs succeed whenever it answers.
   *
   * @throws ExitException to end with a message on standard error as well
   */
  int exitCode(JsonNode data) throws ExitException {
    return OK;
  }

  /** How long to wait for the answer; {@code null} waits as long as it takes. */
  Duration answerTimeout() {
    return ANSWER_TIMEOUT;
  }

  /**
   * Sends the request and reads the answer. A streaming verb overrides this to print its items as
   * they arrive, before the answer.
   */
  ControlResponse exchange(ControlClient client, Printer printer)
      throws DaemonUnreachableException {
    return client.call(request(), answerTimeout());
  }

  @Override
  public final Integer call() throws ExitException {
    Printer printer = printer();
    ControlResponse response = send(printer);
    if (!response.ok()) {
      throw new ExitException(REFUSED, response.errorCode() + ": " + response.errorMessage());
    }
    JsonNode data = response.data();
    if (main.global.json) {
      printJson(data, printer);
    } else {
      print(data, printer);
    }
    printer.out.flush();
    return exitCode(data);
  }

  private ControlResponse send(Printer printer) throws ExitException {
    Path socket =
        SocketPaths.resolve(Optional.ofNullable(main.global.socket), main.context().env());
    try {
      return exchange(new ControlClient(socket), printer);
    } catch (DaemonUnreachableException e) {
      throw new ExitException(UNREACHABLE, e.getMessage() + "\n" + hint(e.reason()));
    }
  }

  private static String hint(DaemonUnreachableException.Reason reason) {
    return switch (reason) {
      case PERMISSION ->
          "Run hypernctl as root or as the daemon's user, or ask to be added to the"
              + " socket's group.";
      case NO_ANSWER ->
          "The daemon may be overloaded or hung; its log (journalctl -u hypernd)" + " says more.";
      case NOT_A_SOCKET ->
          "Point hypernctl at the daemon's socket with --socket PATH or HYPERND_SOCKET; hypernd"
              + " logs the path it listens on (control socket listening on ...).";
      case NO_SOCKET, NOT_LISTENING ->
          "Start it with `hypernd run jobs.yaml` (or `systemctl start"
              + " hypernd`), or point hypernctl at its socket with --socket PATH or HYPERND_SOCKET.";
    };
  }

  private Printer printer() {
    CliContext context = main.context();
    return new Printer(
        spec.commandLine().getOut(),
        new Style(context.colour()),
        context.terminal(),
        context.clock());
  }
}
