package dev.hypernd.jobs.crontab;

import java.util.Objects;

/**
 * A crontab command after cron's {@code %} rule (crontab(5), cronie's {@code do_command.c}): the
 * first unescaped {@code %} ends the command and the rest becomes its standard input, each further
 * unescaped {@code %} a newline, with a final newline added; {@code \%} stands for a literal {@code
 * %} in both parts.
 *
 * @param command what cron runs with {@code $SHELL -c}
 * @param stdin what cron writes to the command's standard input, or null when the line has no
 *     unescaped {@code %} (the command then reads end-of-file at once)
 */
record CronCommand(String command, String stdin) {
  CronCommand {
    Objects.requireNonNull(command, "command");
  }

  static CronCommand parse(String line) {
    StringBuilder command = new StringBuilder();
    boolean escaped = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (escaped) {
        if (ch == '%') {
          command.setLength(command.length() - 1); // "\%" is "%": the backslash goes
        }
        command.append(ch);
        escaped = false;
      } else if (ch == '%') {
        return new CronCommand(command.toString(), input(line.substring(i + 1)));
      } else {
        escaped = ch == '\\';
        command.append(ch);
      }
    }
    return new CronCommand(command.toString(), null);
  }

  private static String input(String rest) {
    StringBuilder out = new StringBuilder();
    boolean escaped = false;
    boolean needNewline = false;
    for (int i = 0; i < rest.length(); i++) {
      char ch = rest.charAt(i);
      if (escaped) {
        if (ch != '%') {
          out.append('\\');
        }
      } else if (ch == '%') {
        ch = '\n';
      }
      escaped = ch == '\\'; // held back until the next character shows what it escapes
      if (!escaped) {
        out.append(ch);
        needNewline = ch != '\n';
      }
    }
    if (escaped) {
      out.append('\\');
    }
    if (needNewline) {
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * The shell text that runs {@link #command} with {@link #stdin} as its standard input: the
   * command in a brace group (so that lists, pipes and its own redirections keep their meaning) fed
   * by a quoted here-document, which the shell passes on byte for byte.
   */
  String shellText() {
    if (stdin == null) {
      return command;
    }
    String delimiter = delimiter();
    return "{\n" + command + "\n} <<'" + delimiter + "'\n" + stdin + delimiter + "\n";
  }

  private String delimiter() {
    String base = "CRON_STDIN";
    String candidate = base;
    for (int n = 2; ("\n" + stdin).contains("\n" + candidate + "\n"); n++) {
      candidate = base + n;
    }
    return candidate;
  }
}
