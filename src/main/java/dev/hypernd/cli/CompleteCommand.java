package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.control.ControlClient;
import dev.hypernd.control.ControlResponse;
import dev.hypernd.control.DaemonUnreachableException;
import dev.hypernd.control.SocketPaths;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hypernctl __complete jobs|tasks|active-tasks}: what the shell completions ask the running
 * daemon for, one name a line: its job names, the ids of its newest tasks, or of its unfinished
 * ones. Hidden, and quiet: a daemon that cannot be reached, or answers late, gives no lines and
 * exit status 0, so that a Tab never prints an error into the command line being edited.
 */
@Command(name = "__complete", hidden = true)
final class CompleteCommand implements Callable<Integer> {
  /** A Tab must not hang: a daemon that takes longer gives no candidates. */
  static final Duration TIMEOUT = Duration.ofSeconds(1);

  /** How many of the newest tasks {@code tasks} offers. */
  static final int NEWEST_TASKS = 100;

  private static final List<String> UNFINISHED = List.of("RUNNING", "RETRYING", "PENDING");

  /** What to list. */
  enum What {
    JOBS("jobs"),
    TASKS("tasks"),
    ACTIVE_TASKS("active-tasks");

    private final String word;

    What(String word) {
      this.word = word;
    }

    @Override
    public String toString() {
      return word;
    }
  }

  @ParentCommand HypernctlMain main;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "WHAT", converter = WhatConverter.class)
  What what;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path socket =
        SocketPaths.resolve(Optional.ofNullable(main.global.socket), main.context().env());
    ControlClient client = new ControlClient(socket);
    try {
      switch (what) {
        case JOBS -> names(client, Map.of("verb", "jobs"), "name", out);
        case TASKS -> names(client, tasks(null, NEWEST_TASKS), "task_id", out);
        case ACTIVE_TASKS -> {
          for (String state : UNFINISHED) {
            names(client, tasks(state, 1000), "task_id", out);
          }
        }
      }
    } catch (DaemonUnreachableException e) {
      // Nothing to offer; the Tab stays silent.
    }
    out.flush();
    return 0;
  }

  private static Map<String, Object> tasks(String state, int limit) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("verb", "tasks");
    if (state != null) {
      request.put("state", state);
    }
    request.put("limit", limit);
    return request;
  }

  private static void names(
      ControlClient client, Map<String, Object> request, String field, PrintWriter out)
      throws DaemonUnreachableException {
    ControlResponse response = client.call(request, TIMEOUT);
    if (response.ok()) {
      for (JsonNode item : response.data()) {
        out.println(item.path(field).asText());
      }
    }
  }

  /** {@code jobs}, {@code tasks} or {@code active-tasks}. */
  static final class WhatConverter implements picocli.CommandLine.ITypeConverter<What> {
    @Override
    public What convert(String value) {
      for (What what : What.values()) {
        if (what.word.equals(value)) {
          return what;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "expected jobs, tasks or active-tasks, found '" + value + "'");
    }
  }
}
