package dev.hypernd.jobs.config;

import java.util.List;

/** {@code command: [prog, arg1]}: executed directly, without a shell. */
public record ExecAction(List<String> argv) implements CommandAction {
  public ExecAction {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv must not be empty");
    }
  }
}
