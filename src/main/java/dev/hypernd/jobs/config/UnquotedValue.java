package dev.hypernd.jobs.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Explains the YAML syntax errors that an unquoted value causes: {@code cron: *}{@code /5 * * * *}
 * read as an alias, {@code cron: @daily} starting with a reserved indicator, {@code command: echo
 * "x: y"} with a colon that starts a mapping. Where the value is a whole line's plain value, it
 * also offers the text with that value single-quoted, which is what the user meant, so that the
 * rest of the file can still be checked.
 */
final class UnquotedValue {
  /**
   * A syntax error explained.
   *
   * @param line 1-based
   * @param column 1-based, where the value starts
   * @param repaired the whole text with the value quoted, when that reads as the user meant
   */
  record Diagnosis(int line, int column, String message, Optional<String> repaired) {}

  /** {@code key: value} in block style, after any {@code - } of list items. */
  private static final Pattern BLOCK_ENTRY =
      Pattern.compile(
          "^(\\s*(?:-\\s+)*)([A-Za-z0-9_][A-Za-z0-9_.-]*|\"[^\"]*\"|'[^']*')[ \\t]*:[ \\t]+(\\S.*)$");

  /** An alias name as a user writes one: then {@code *name} is meant as an alias. */
  private static final Pattern ALIAS = Pattern.compile("\\*[A-Za-z0-9_-]+");

  private UnquotedValue() {}

  static Optional<Diagnosis> diagnose(String text, MarkedYamlEngineException e) {
    if (e.getProblemMark().isEmpty()) {
      return Optional.empty();
    }
    Mark problem = e.getProblemMark().get();
    String[] lines = text.split("\n", -1);
    if (problem.getLine() >= lines.length) {
      return Optional.empty();
    }
    String line = stripCr(lines[problem.getLine()]);
    Matcher entry = BLOCK_ENTRY.matcher(line);
    if (entry.matches() && problem.getColumn() >= entry.start(3)) {
      return inBlock(lines, problem.getLine(), entry, e.getProblem());
    }
    return inFlow(line, problem, e);
  }

  private static Optional<Diagnosis> inBlock(
      String[] lines, int index, Matcher entry, String problem) {
    int start = entry.start(3);
    String value = plainValue(entry.group(3));
    Optional<String> why = why(value, problem);
    if (why.isEmpty()) {
      return Optional.empty();
    }
    String key = entry.group(2);
    boolean aliasMeant = ALIAS.matcher(value).matches();
    String message =
        "YAML syntax error: the unquoted value "
            + value
            + why.get()
            + (aliasMeant ? "; if it is text, quote it: " : "; quote it: ")
            + key
            + ": "
            + quotedForPeople(value);
    Optional<String> repaired = Optional.empty();
    // Quoting is what the user meant unless the value goes on in the next lines, or is the name of
    // an anchor that is missing, which quoting would turn into a second, confusing error.
    if (!aliasMeant && !continues(lines, index, entry.end(1))) {
      String line = lines[index];
      lines[index] =
          line.substring(0, start) + singleQuoted(value) + line.substring(start + value.length());
      repaired = Optional.of(String.join("\n", lines));
    }
    return Optional.of(new Diagnosis(index + 1, start + 1, message, repaired));
  }

  /** In a flow collection the value's end is not clear; say what the character means. */
  private static Optional<Diagnosis> inFlow(
      String line, Mark problem, MarkedYamlEngineException e) {
    int column =
        e.getContextMark()
            .filter(mark -> mark.getLine() == problem.getLine())
            .map(Mark::getColumn)
            .orElse(problem.getColumn());
    if (column >= line.length()) {
      return Optional.empty();
    }
    String message =
        switch (line.charAt(column)) {
          case '*' -> "'*' starts an alias (a reference to an &anchor) here";
          case '@', '`' -> "'" + line.charAt(column) + "' cannot start an unquoted value";
          default -> null;
        };
    if (message == null) {
      return Optional.empty();
    }
    String prefix = e.getProblem().startsWith("found undefined alias") ? e.getProblem() + "; " : "";
    return Optional.of(
        new Diagnosis(
            problem.getLine() + 1,
            column + 1,
            "YAML syntax error: "
                + prefix
                + message
                + "; quote a value that starts with it, such as cron: \"*/5 * * * *\" or cron:"
                + " \"@daily\"",
            Optional.empty()));
  }

  /** What YAML made of the value, or empty when the error is not about an unquoted value. */
  private static Optional<String> why(String value, String problem) {
    if (value.isEmpty() || "\"'[{|>".indexOf(value.charAt(0)) >= 0) {
      return Optional.empty();
    }
    char first = value.charAt(0);
    if (first == '*') {
      return Optional.of(
          " starts with '*', which YAML reads as an alias (a reference to an &anchor)"
              + (problem.startsWith("found undefined alias")
                  ? " and no &" + value.substring(1) + " comes before it"
                  : ""));
    }
    if (first == '@' || first == '`') {
      return Optional.of(" starts with '" + first + "', which YAML reserves");
    }
    if (problem.startsWith("mapping values are not allowed")
        && (value.contains(": ") || value.endsWith(":"))) {
      return Optional.of(" contains ': ', which YAML reads as a nested key and value");
    }
    return Optional.empty();
  }

  /** The plain value without a trailing comment ({@code " #"}) or blanks. */
  private static String plainValue(String raw) {
    int end = raw.length();
    for (int i = 1; i < raw.length(); i++) {
      if (raw.charAt(i) == '#' && Character.isWhitespace(raw.charAt(i - 1))) {
        end = i;
        break;
      }
    }
    return raw.substring(0, end).stripTrailing();
  }

  /** Whether the next line with content is indented deeper than the key: a multi-line value. */
  private static boolean continues(String[] lines, int index, int keyColumn) {
    for (int i = index + 1; i < lines.length; i++) {
      String next = stripCr(lines[i]);
      String content = next.strip();
      if (content.isEmpty() || content.startsWith("#")) {
        continue;
      }
      return next.length() - next.stripLeading().length() > keyColumn;
    }
    return false;
  }

  private static String singleQuoted(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String quotedForPeople(String value) {
    return value.contains("\"") || value.contains("\\") ? singleQuoted(value) : '"' + value + '"';
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
