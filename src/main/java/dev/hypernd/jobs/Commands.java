package dev.hypernd.jobs;

import dev.hypernd.jobs.config.CommandAction;
import dev.hypernd.jobs.config.ExecAction;
import dev.hypernd.jobs.config.ShellAction;
import dev.hypernd.jobs.shell.ShellCommand;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A job file's command (a job's or a hook's) as the shell package's {@link ShellCommand}. */
final class Commands {
  private Commands() {}

  static ShellCommand of(
      String jobName, CommandAction action, Map<String, String> env, Optional<Path> workdir) {
    ShellCommand command;
    if (action instanceof ShellAction shell) {
      command = ShellCommand.script(jobName, shell.script());
    } else if (action instanceof ExecAction exec) {
      command = ShellCommand.argv(jobName, exec.argv());
    } else {
      throw new IllegalArgumentException("unknown command " + action);
    }
    command = command.withEnv(env);
    return workdir.map(command::withWorkingDirectory).orElse(command);
  }
}
