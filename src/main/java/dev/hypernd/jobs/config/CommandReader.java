package dev.hypernd.jobs.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads a {@code command:} or a hook: a shell string, or an argument list run without a shell. */
final class CommandReader {
  static final String EXPECTED =
      "expected a command: a string run by /bin/sh -c, or a list such as [prog, arg1]";

  private CommandReader() {}

  static Optional<CommandAction> read(Cursor value) {
    if (value.node() instanceof SequenceNode) {
      return argv(value);
    }
    return value
        .text(EXPECTED)
        .flatMap(
            script -> {
              if (script.isBlank()) {
                value.error(EXPECTED + ", found an empty string");
                return Optional.empty();
              }
              return Optional.of(new ShellAction(script));
            });
  }

  private static Optional<CommandAction> argv(Cursor value) {
    List<Cursor> items = value.list(EXPECTED).orElseThrow();
    if (items.isEmpty()) {
      value.error("expected a program and its arguments, found an empty list");
      return Optional.empty();
    }
    List<String> argv = new ArrayList<>();
    for (Cursor item : items) {
      item.text("expected an argument string").ifPresent(argv::add);
    }
    if (argv.size() < items.size()) {
      return Optional.empty();
    }
    if (argv.get(0).isBlank()) {
      items.get(0).error("expected a program name, found an empty string");
      return Optional.empty();
    }
    return Optional.of(new ExecAction(argv));
  }
}
