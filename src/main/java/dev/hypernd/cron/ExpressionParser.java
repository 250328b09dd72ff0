package dev.hypernd.cron;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits an expression into fields or a macro and checks what no single field can check. */
final class ExpressionParser {
  private static final int FIELD_COUNT = 5;
  private static final String FIELD_NAMES = "5 fields (minute hour day-of-month month day-of-week)";

  /** A successfully parsed expression. */
  record Parsed(FieldMasks masks, String normalizedText, boolean fixedTime) {}

  private ExpressionParser() {}

  static Parsed parse(String input) {
    List<int[]> tokens = tokens(input);
    if (tokens.isEmpty()) {
      throw CronParseException.inExpression(
          "", 0, "the expression is empty, it needs " + FIELD_NAMES);
    }
    if (input.charAt(tokens.get(0)[0]) == '@') {
      return parseMacro(input, tokens);
    }
    int lastEnd = tokens.get(tokens.size() - 1)[1];
    if (tokens.size() < FIELD_COUNT) {
      int start = tokens.get(0)[0];
      throw CronParseException.inExpression(
          input.substring(start, lastEnd),
          start,
          "expected " + FIELD_NAMES + " but found " + tokens.size());
    }
    if (tokens.size() > FIELD_COUNT) {
      int start = tokens.get(FIELD_COUNT)[0];
      throw CronParseException.inExpression(
          input.substring(start, lastEnd),
          start,
          "expected "
              + FIELD_NAMES
              + " but found "
              + tokens.size()
              + "; this text is extra (there is no seconds or year field)");
    }
    return parseFields(input, tokens);
  }

  private static Parsed parseFields(String input, List<int[]> tokens) {
    CronField[] fields = CronField.values();
    long[] masks = new long[FIELD_COUNT];
    String[] texts = new String[FIELD_COUNT];
    for (int i = 0; i < FIELD_COUNT; i++) {
      int[] token = tokens.get(i);
      masks[i] = FieldParser.parse(fields[i], input, token[0], token[1]);
      texts[i] = input.substring(token[0], token[1]);
    }
    FieldMasks fieldMasks =
        new FieldMasks(
            masks[0],
            (int) masks[1],
            (int) masks[2],
            (int) masks[3],
            (int) masks[4],
            texts[2].charAt(0) == '*',
            texts[4].charAt(0) == '*');
    if (!new DayMatcher(fieldMasks).canEverMatch(fieldMasks.months())) {
      throw CronParseException.inField(
          CronField.DAY_OF_MONTH,
          texts[2],
          tokens.get(2)[0],
          "no month selected by the month field '"
              + texts[3]
              + "' has such a day, so the expression would never fire");
    }
    boolean fixedTime = texts[0].charAt(0) != '*' && texts[1].charAt(0) != '*';
    return new Parsed(fieldMasks, String.join(" ", texts), fixedTime);
  }

  private static Parsed parseMacro(String input, List<int[]> tokens) {
    int[] first = tokens.get(0);
    String name = input.substring(first[0], first[1]);
    if (name.toLowerCase(Locale.ROOT).equals("@reboot")) {
      throw CronParseException.inExpression(
          name,
          first[0],
          "@reboot is not a cron schedule here; for a job that runs once when hypernd starts,"
              + " use a one-shot job with at_start");
    }
    Macro macro = Macro.named(name);
    if (macro == null) {
      throw CronParseException.inExpression(
          name,
          first[0],
          "unknown macro, the macros are @yearly, @annually, @monthly, @weekly, @daily,"
              + " @midnight and @hourly");
    }
    if (tokens.size() > 1) {
      int start = tokens.get(1)[0];
      throw CronParseException.inExpression(
          input.substring(start, tokens.get(tokens.size() - 1)[1]),
          start,
          "a macro stands alone, remove the text after " + name);
    }
    Parsed expanded = parse(macro.fields());
    return new Parsed(expanded.masks(), name, expanded.fixedTime());
  }

  /** Start and end index of each run of non-blank characters; blank is what trim() removes. */
  private static List<int[]> tokens(String input) {
    List<int[]> tokens = new ArrayList<>(FIELD_COUNT);
    int i = 0;
    while (i < input.length()) {
      while (i < input.length() && input.charAt(i) <= ' ') {
        i++;
      }
      int start = i;
      while (i < input.length() && input.charAt(i) > ' ') {
        i++;
      }
      if (i > start) {
        tokens.add(new int[] {start, i});
      }
    }
    return tokens;
  }
}
