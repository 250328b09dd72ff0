package dev.hypernd.cron;

/**
 * A cron expression that cannot be parsed, or that could never fire. The message is one sentence
 * naming the field, the offending text and its column, followed by valid examples for that field,
 * so that it can be shown to a user as it is.
 */
public final class CronParseException extends IllegalArgumentException {
  static final String EXPRESSION = "expression";
  private static final String EXPRESSION_EXAMPLES =
      "\"0 3 * * *\", \"*/15 * * * *\", \"30 4 1,15 * 5\", \"@daily\"";

  private final String field;
  private final String text;
  private final int column;

  private CronParseException(
      String field, String text, int column, String reason, String examples) {
    super(
        "Invalid "
            + field
            + " '"
            + text
            + "' at column "
            + column
            + ": "
            + reason
            + ". Valid examples: "
            + examples
            + ".");
    this.field = field;
    this.text = text;
    this.column = column;
  }

  /** An error inside one of the five fields; {@code index} is 0-based in the input. */
  static CronParseException inField(CronField field, String text, int index, String reason) {
    return new CronParseException(field.label(), text, index + 1, reason, field.examples());
  }

  /** An error about the expression as a whole: field count, macros, emptiness. */
  static CronParseException inExpression(String text, int index, String reason) {
    return new CronParseException(EXPRESSION, text, index + 1, reason, EXPRESSION_EXAMPLES);
  }

  /**
   * The field at fault: {@code minute}, {@code hour}, {@code day-of-month}, {@code month}, {@code
   * day-of-week}, or {@code expression} for a wrong field count, an empty expression or a macro.
   */
  public String field() {
    return field;
  }

  /** The offending part of the input, exactly as written. */
  public String text() {
    return text;
  }

  /** The 1-based column at which {@link #text()} starts in the string given to the parser. */
  public int column() {
    return column;
  }
}
