package dev.hypernd.jobs.shell;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a shell job runs: a script for {@code /bin/sh -c} or an argument vector exec'd directly,
 * plus environment additions, an optional working directory and the job's name.
 *
 * <p>A script runs as {@code /bin/sh -c SCRIPT JOBNAME ARG...}, so the job name is {@code $0} and
 * the submit arguments arrive as {@code "$@"}, each one intact whatever spaces or quotes it holds.
 * An argument vector gets the submit arguments appended. The program of an argument vector is
 * looked up on the {@code PATH} of the job's environment (including {@link #env()}).
 *
 * @param jobName the job's name, {@code $0} of a script
 * @param form how {@link #command()} is run
 * @param command the script as a single element, or the argument vector
 * @param env variables added to (or replacing those of) the daemon's environment
 * @param workingDirectory where the job starts; the daemon's working directory when empty
 */
public record ShellCommand(
    String jobName,
    Form form,
    List<String> command,
    Map<String, String> env,
    Optional<Path> workingDirectory) {

  /** How a command is started. */
  public enum Form {
    /** The single command element is a script for {@code /bin/sh -c}. */
    SCRIPT,
    /** The command elements are the program and its first arguments, exec'd directly. */
    ARGV
  }

  private static final String SHELL = "/bin/sh";

  /** Validates and copies every part; see the factories for the usual forms. */
  public ShellCommand {
    requireNonNull(jobName, "jobName cannot be null");
    requireNonNull(form, "form cannot be null");
    requireNonNull(command, "command cannot be null");
    requireNonNull(env, "env cannot be null");
    requireNonNull(workingDirectory, "workingDirectory cannot be null");
    if (jobName.isBlank()) {
      throw new IllegalArgumentException("jobName cannot be blank");
    }
    command = List.copyOf(command);
    env = Map.copyOf(env);
    if (command.isEmpty() || command.get(0).isBlank()) {
      throw new IllegalArgumentException(
          "command of job " + jobName + " cannot be empty: " + command);
    }
    if (form == Form.SCRIPT && command.size() != 1) {
      throw new IllegalArgumentException(
          "a script command of job " + jobName + " has exactly one element, got " + command);
    }
    command.forEach(word -> requireNoNul(jobName, "command", word));
    requireNoNul(jobName, "jobName", jobName);
    env.forEach(
        (name, value) -> {
          if (name.isEmpty() || name.indexOf('=') >= 0) {
            throw new IllegalArgumentException(
                "environment variable name (" + name + ") of job " + jobName + " is invalid");
          }
          requireNoNul(jobName, "environment variable " + name, name + value);
        });
  }

  /** A script run by {@code /bin/sh -c}, with no extra environment, in the daemon's directory. */
  public static ShellCommand script(String jobName, String script) {
    return new ShellCommand(jobName, Form.SCRIPT, List.of(script), Map.of(), Optional.empty());
  }

  /** A program and its arguments exec'd directly, in the daemon's directory. */
  public static ShellCommand argv(String jobName, List<String> argv) {
    return new ShellCommand(jobName, Form.ARGV, argv, Map.of(), Optional.empty());
  }

  /** A copy with {@code env} replacing the environment additions. */
  public ShellCommand withEnv(Map<String, String> env) {
    return new ShellCommand(jobName, form, command, env, workingDirectory);
  }

  /** A copy that starts in {@code directory}. */
  public ShellCommand withWorkingDirectory(Path directory) {
    return new ShellCommand(
        jobName, form, command, env, Optional.of(requireNonNull(directory, "directory")));
  }

  /** The argument vector of one run with the submit arguments {@code args}. */
  public List<String> commandLine(List<String> args) {
    List<String> line = new ArrayList<>();
    if (form == Form.SCRIPT) {
      line.addAll(List.of(SHELL, "-c", command.get(0), jobName));
    } else {
      line.addAll(command);
    }
    for (String arg : args) {
      requireNonNull(arg, "a submit argument of job " + jobName + " is null");
      requireNoNul(jobName, "submit argument", arg);
      line.add(arg);
    }
    return List.copyOf(line);
  }

  private static void requireNoNul(String jobName, String what, String text) {
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          what + " of job " + jobName + " contains a NUL character, which exec cannot pass");
    }
  }
}
