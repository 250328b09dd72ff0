package dev.hypernd.cron;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A five-field cron expression with Vixie cron / cronie semantics, or one of the macros
 * {@code @yearly}, {@code @annually}, {@code @monthly}, {@code @weekly}, {@code @daily}, {@code
 * @midnight} and {@code @hourly}. Immutable and thread-safe.
 *
 * <p>Fields are minute (0-59), hour (0-23), day-of-month (1-31), month (1-12 or jan-dec) and
 * day-of-week (0-7 or sun-sat, 0 and 7 both Sunday); each is {@code *}, {@code n}, {@code n-m},
 * {@code *}{@code /s}, {@code n-m/s} or a comma list of those. When neither day-of-month nor
 * day-of-week starts with {@code *}, a day matches if either of them matches; otherwise both must.
 * An expression that can never fire, such as {@code 0 0 30 2 *}, is rejected.
 *
 * <p>Two expressions are equal when their texts are equal after collapsing blanks, which is how a
 * reloaded job file tells whether a schedule changed.
 */
public final class CronExpression {
  private final String text;
  private final String normalizedText;
  private final boolean fixedTime;
  private final NextFireCalculator calculator;

  private CronExpression(String text, ExpressionParser.Parsed parsed) {
    this.text = text;
    this.normalizedText = parsed.normalizedText();
    this.fixedTime = parsed.fixedTime();
    this.calculator = new NextFireCalculator(parsed.masks());
  }

  /**
   * Parses {@code text}; surrounding blanks are ignored.
   *
   * @throws CronParseException naming the field, text and column at fault, with valid examples
   */
  public static CronExpression parse(String text) {
    Objects.requireNonNull(text, "cron expression text");
    return new CronExpression(text.trim(), ExpressionParser.parse(text));
  }

  /** The expression as given to {@link #parse}, without surrounding blanks. */
  public String text() {
    return text;
  }

  /**
   * Whether neither the minute nor the hour field starts with {@code *}. Fixed-time expressions
   * fire once for a wall time skipped or repeated by a DST change; the others follow the wall
   * clock. Of the macros only {@code @hourly} is not fixed-time.
   */
  public boolean isFixedTime() {
    return fixedTime;
  }

  /** This expression evaluated in {@code zone}. */
  public CronSchedule in(ZoneId zone) {
    return new CronSchedule(this, zone);
  }

  NextFireCalculator calculator() {
    return calculator;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CronExpression
        && ((CronExpression) other).normalizedText.equals(normalizedText);
  }

  @Override
  public int hashCode() {
    return normalizedText.hashCode();
  }

  /** The same as {@link #text()}. */
  @Override
  public String toString() {
    return text;
  }
}
