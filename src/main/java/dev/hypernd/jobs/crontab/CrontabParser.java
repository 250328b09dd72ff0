package dev.hypernd.jobs.crontab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits crontab text into lines the way cronie's {@code load_env} and {@code load_entry} read
 * them: a variable assignment first, else a schedule line; comments and blank lines kept so that
 * the converted file can carry them over.
 */
final class CrontabParser {
  // cronie's env.c: a name, optional blanks around '=', then the value (quotes stripped below).
  private static final Pattern VARIABLE =
      Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*?)\\s*$");
  private static final Pattern FIELDS = Pattern.compile("\\S+");

  private final boolean userColumn;

  /**
   * @param userColumn true for a system crontab ({@code /etc/crontab}, {@code /etc/cron.d/*}),
   *     whose schedule is followed by the user the command runs as
   */
  CrontabParser(boolean userColumn) {
    this.userColumn = userColumn;
  }

  List<CrontabLine> parse(String text) {
    List<CrontabLine> lines = new ArrayList<>();
    String[] raw = text.split("\n", -1);
    int count = raw.length;
    if (count > 0 && raw[count - 1].isEmpty()) {
      count--; // the newline that ends the last line does not start another
    }
    for (int i = 0; i < count; i++) {
      String line = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
      lines.add(parseLine(i + 1, line));
    }
    return lines;
  }

  private CrontabLine parseLine(int number, String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty()) {
      return new CrontabLine.Blank(number);
    }
    if (trimmed.startsWith("#")) {
      return new CrontabLine.Comment(number, trimmed.substring(1));
    }
    Matcher variable = VARIABLE.matcher(line);
    if (variable.matches()) {
      return new CrontabLine.Variable(number, variable.group(1), unquote(variable.group(2)));
    }
    return entry(number, line);
  }

  private CrontabLine entry(int number, String line) {
    Matcher field = FIELDS.matcher(line);
    List<String> schedule = new ArrayList<>();
    int want = 5;
    while (schedule.size() < want && field.find()) {
      String token = field.group();
      if (schedule.isEmpty() && token.startsWith("@")) {
        want = 1;
      }
      schedule.add(token);
    }
    if (schedule.size() < want) {
      return new CrontabLine.Invalid(number, line, "a schedule line needs five time fields");
    }
    String user = null;
    if (userColumn) {
      if (!field.find()) {
        return new CrontabLine.Invalid(number, line, "no user column after the schedule");
      }
      user = field.group();
    }
    String rest = line.substring(field.end());
    // cronie: leading blanks before the command are skipped; '-n' style options come first.
    StringBuilder options = new StringBuilder();
    rest = stripLeadingBlanks(rest);
    while (rest.length() >= 2 && rest.charAt(0) == '-' && isBlankAt(rest, 2)) {
      options.append(rest, 0, 2);
      rest = stripLeadingBlanks(rest.substring(2));
    }
    if (rest.isEmpty()) {
      return new CrontabLine.Invalid(number, line, "no command after the schedule");
    }
    return new CrontabLine.Entry(
        number, String.join(" ", schedule), user, options.toString(), rest);
  }

  private static boolean isBlankAt(String text, int index) {
    return index < text.length() && (text.charAt(index) == ' ' || text.charAt(index) == '\t');
  }

  private static String stripLeadingBlanks(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return text.substring(i);
  }

  /** cronie strips one pair of matching quotes around a value. */
  private static String unquote(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
        return value.substring(1, value.length() - 1);
      }
    }
    return value;
  }
}
