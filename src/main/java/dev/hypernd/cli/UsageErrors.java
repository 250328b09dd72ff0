package dev.hypernd.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How hypernctl and hypernd report a command line they cannot parse: one line that starts with the
 * program (and verb), as Unix tools do, then where to read more, and exit status 2:
 *
 * <pre>
 * hypernd: unknown command 'bogus'; the commands are run, next and validate
 * Try 'hypernd --help' for more information.
 * </pre>
 *
 * rather than picocli's "Unmatched argument at index 0" followed by the whole usage text.
 */
public final class UsageErrors implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String program = program(cmd.getCommandSpec());
    err.println(program + ": " + message(e));
    err.println("Try '" + program + " --help' for more information.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** The program as typed: {@code hypernd}, or {@code hypernctl status} for a verb. */
  static String program(CommandSpec spec) {
    return spec.qualifiedName(" ");
  }

  private static String message(ParameterException e) {
    CommandLine cmd = e.getCommandLine();
    if (e instanceof UnmatchedArgumentException unmatched && unknownCommand(unmatched)) {
      String word = unmatched.getUnmatched().get(0);
      String kind = kind(cmd.getCommandSpec());
      List<String> suggestions =
          commands(cmd).stream().filter(name -> distance(word, name) <= 2).toList();
      return "unknown "
          + kind
          + " '"
          + word
          + "'; "
          + (suggestions.isEmpty()
              ? "the " + kind + "s are " + list(commands(cmd))
              : "did you mean " + String.join(" or ", suggestions) + "?");
    }
    String text = String.valueOf(e.getMessage());
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  /** A word where a command or verb was expected, and no such one. */
  private static boolean unknownCommand(UnmatchedArgumentException e) {
    CommandLine cmd = e.getCommandLine();
    return !cmd.getSubcommands().isEmpty()
        && !e.getUnmatched().isEmpty()
        && !e.getUnmatched().get(0).startsWith("-")
        && cmd.getParseResult() != null
        && !cmd.getParseResult().hasSubcommand();
  }

  /** What the program calls its subcommands: "command", or "verb" for hypernctl. */
  private static String kind(CommandSpec spec) {
    String label = spec.usageMessage().synopsisSubcommandLabel();
    return label == null ? "command" : label.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
  }

  /** The visible subcommands, in their order. */
  public static List<String> commands(CommandLine cmd) {
    return cmd.getSubcommands().entrySet().stream()
        .filter(entry -> !entry.getValue().getCommandSpec().usageMessage().hidden())
        .map(java.util.Map.Entry::getKey)
        .toList();
  }

  /** The Levenshtein distance: how many letters to insert, delete or change. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int change = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(change, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** {@code a, b and c}. */
  public static String list(List<String> words) {
    if (words.size() <= 1) {
      return String.join("", words);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " and "
        + words.get(words.size() - 1);
  }
}
