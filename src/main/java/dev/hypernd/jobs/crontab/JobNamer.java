package dev.hypernd.jobs.crontab;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names jobs after what their command runs: the first program of the command that is not a shell
 * keyword, a test or a wrapper ({@code cd /x && /usr/local/bin/backup.sh} is {@code backup.sh},
 * {@code run-parts /etc/cron.daily} is {@code cron.daily}), made unique with {@code -2}, {@code -3}
 * … in file order.
 */
final class JobNamer {
  private static final int MAX_LENGTH = 60;
  // Words that introduce the program rather than name it.
  private static final Set<String> SKIP =
      Set.of(
          "if",
          "then",
          "else",
          "elif",
          "fi",
          "do",
          "done",
          "while",
          "until",
          "for",
          "!",
          "{",
          "}",
          "exec",
          "nohup",
          "env",
          "command",
          "time",
          "chronic",
          "true",
          "false",
          "exit",
          "sleep",
          "systemd-cat",
          "setsid");
  // Wrappers whose short options take a value ("nice -n 10", "sudo -u www-data").
  private static final Set<String> WRAPPERS =
      Set.of("nice", "ionice", "timeout", "sudo", "su", "runuser", "chpst", "setuidgid");
  // Words followed by an operand that is not the program ("cd /srv", "flock /run/x.lock").
  private static final Set<String> TAKES_OPERAND = Set.of("cd", "flock");
  private static final Pattern NUMBER = Pattern.compile("[0-9][0-9.]*[smhd]?");

  private final Set<String> used = new HashSet<>();

  String name(String command) {
    String base = sanitize(baseName(command));
    String name = base;
    for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
      name = base + "-" + n;
    }
    return name;
  }

  private static String baseName(String command) {
    List<String> words = ShellWords.split(command);
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String program = word.substring(word.lastIndexOf('/') + 1);
      if (word.equals("[") || program.equals("test") || word.equals("[[")) {
        i = skipTest(words, i);
      } else if (WRAPPERS.contains(program)) {
        i = skipOptions(words, i + 1, true) - 1;
      } else if (TAKES_OPERAND.contains(program)) {
        i = skipOptions(words, i + 1, false);
      } else if (program.equals("run-parts")) {
        return lastOperand(words, i + 1, word);
      } else if (!SKIP.contains(program)
          && !word.startsWith("-")
          && !word.contains("=")
          && !NUMBER.matcher(word).matches()
          && !ShellWords.isOperator(word)) {
        return program;
      }
    }
    return "job";
  }

  /** The index of the operator or closing bracket that ends a test, so the loop resumes after. */
  private static int skipTest(List<String> words, int start) {
    for (int i = start + 1; i < words.size(); i++) {
      String word = words.get(i);
      if (word.equals("]") || word.equals("]]") || ShellWords.isOperator(word)) {
        return i;
      }
    }
    return words.size();
  }

  /**
   * The index of the first word after a wrapper's options; with {@code valued}, a short option
   * ({@code -u}) takes the word after it as its value.
   */
  private static int skipOptions(List<String> words, int start, boolean valued) {
    int i = start;
    while (i < words.size() && words.get(i).startsWith("-")) {
      i += valued && words.get(i).length() == 2 ? 2 : 1;
    }
    return i;
  }

  private static String lastOperand(List<String> words, int start, String fallback) {
    String last = fallback;
    for (int i = start; i < words.size() && !ShellWords.isOperator(words.get(i)); i++) {
      String word = words.get(i);
      if (!word.startsWith("-") && !word.startsWith(">") && !word.startsWith("2>")) {
        last = word.substring(word.lastIndexOf('/') + 1);
      }
    }
    return last;
  }

  /** A valid job name: letters, digits, '.', '_', '-', starting with a letter or digit. */
  private static String sanitize(String word) {
    String name = word.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
    name = name.replaceAll("-+$", "");
    if (name.length() > MAX_LENGTH) {
      name = name.substring(0, MAX_LENGTH);
    }
    return name.isEmpty() ? "job" : name;
  }
}
