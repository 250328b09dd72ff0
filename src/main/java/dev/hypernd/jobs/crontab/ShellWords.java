package dev.hypernd.jobs.crontab;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A rough split of a shell command into words and operators, enough to find the program a command
 * runs for naming; quotes are removed, nothing is expanded, and operators ({@code &&}, {@code ;},
 * {@code |} …) are words of their own.
 */
final class ShellWords {
  private static final Set<String> OPERATORS = Set.of("&&", "||", ";", "|", "&", "(", ")");

  private ShellWords() {}

  static boolean isOperator(String word) {
    return OPERATORS.contains(word);
  }

  static List<String> split(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < command.length(); i++) {
      char ch = command.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          word.append(ch);
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (Character.isWhitespace(ch)) {
        flush(words, word);
      } else if (ch == ';' || ch == '(' || ch == ')') {
        flush(words, word);
        words.add(String.valueOf(ch));
      } else if (ch == '&' || ch == '|') {
        flush(words, word);
        boolean doubled = i + 1 < command.length() && command.charAt(i + 1) == ch;
        words.add(doubled ? "" + ch + ch : String.valueOf(ch));
        i += doubled ? 1 : 0;
      } else {
        word.append(ch);
      }
    }
    flush(words, word);
    return words;
  }

  private static void flush(List<String> words, StringBuilder word) {
    if (!word.isEmpty()) {
      words.add(word.toString());
      word.setLength(0);
    }
  }
}
