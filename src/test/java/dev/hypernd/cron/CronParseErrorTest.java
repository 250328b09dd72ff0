package dev.hypernd.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronParseErrorTest {

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1} ''{2}'' at column {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # expression-level: field count, emptiness, macros
          0 3 * *                | expression   | 0 3 * *    | 1  | "0 3 * * *"
          0 0 3 * * *            | expression   | *          | 11 | "0 3 * * *"
          ''                     | expression   | ''         | 1  | "@daily"
          '   '                  | expression   | ''         | 1  | "@daily"
          @reboot                | expression   | @reboot    | 1  | "@daily"
          @nonsense              | expression   | @nonsense  | 1  | "@daily"
          @daily 5               | expression   | 5          | 8  | "@daily"
          # steps
          5/10 * * * *           | minute       | 5/10       | 1  | "*/15"
          */0 * * * *            | minute       | 0          | 3  | "*/15"
          */ * * * *             | minute       | */         | 1  | "*/15"
          */x * * * *            | minute       | x          | 3  | "*/15"
          /5 * * * *             | minute       | /5         | 1  | "*/15"
          */99999999999 * * * *  | minute       | 99999999999| 3  | "*/15"
          0 0 1-31/0 * *         | day-of-month | 0          | 10 | "1,15"
          # values out of range or not values at all
          60 * * * *             | minute       | 60         | 1  | "10-50/5"
          1000 * * * *           | minute       | 1000       | 1  | "10-50/5"
          0 24 * * *             | hour         | 24         | 3  | "*/2"
          0 0 0 * *              | day-of-month | 0          | 5  | "1,15"
          0 0 32 * *             | day-of-month | 32         | 5  | "1,15"
          0 0 * 13 *             | month        | 13         | 7  | "jan"
          0 0 * 0 *              | month        | 0          | 7  | "jan"
          0 0 * * 8              | day-of-week  | 8          | 9  | "mon-fri"
          mon * * * *            | minute       | mon        | 1  | "0,30"
          0 0 L * *              | day-of-month | L          | 5  | "1,15"
          0 0 ? * *              | day-of-month | ?          | 5  | "1,15"
          0 0 * * 1#2            | day-of-week  | 1#2        | 9  | "mon-fri"
          # names
          0 0 * foo *            | month        | foo        | 7  | "jun-aug"
          0 0 * * mon-xyz        | day-of-week  | xyz        | 13 | "mon-fri"
          0 0 * * monday         | day-of-week  | monday     | 9  | "mon-fri"
          # ranges
          0- * * * *             | minute       | 0-         | 1  | "0,30"
          -5 * * * *             | minute       | -5         | 1  | "0,30"
          1-2-3 * * * *          | minute       | 2-3        | 3  | "0,30"
          0 5-2 * * *            | hour         | 5-2        | 3  | "9-17"
          0 0 * * sat-mon        | day-of-week  | sat-mon    | 9  | "fri-sun"
          0 0 * dec-jan *        | month        | dec-jan    | 7  | "jun-aug"
          # lists
          ,5 * * * *             | minute       | ',5'       | 1  | "0,30"
          5, * * * *             | minute       | '5,'       | 1  | "0,30"
          0 1,,2 * * *           | hour         | '1,,2'     | 3  | "0,12"
          # columns count from the input as given, leading blanks included
          '  5/10 * * * *'       | minute       | 5/10       | 3  | "*/15"
          # expressions that can never fire
          0 0 30 2 *             | day-of-month | 30         | 5  | "1,15"
          0 0 31 4,6,9,11 *      | day-of-month | 31         | 5  | "1,15"
          0 0 30-31 feb *        | day-of-month | 30-31      | 5  | "1,15"
          0 0 31 2 */7           | day-of-month | 31         | 5  | "1,15"
          """)
  void namesFieldTextAndColumnAndShowsExamples(
      String input, String field, String text, int column, String example) {
    var error = catchThrowableOfType(CronParseException.class, () -> CronExpression.parse(input));

    assertThat(error).as("parse error for '%s'", input).isNotNull();
    assertThat(error.field()).isEqualTo(field);
    assertThat(error.text()).isEqualTo(text);
    assertThat(error.column()).isEqualTo(column);
    assertThat(error.getMessage())
        .startsWith("Invalid " + field + " '" + text + "' at column " + column + ": ")
        .contains("Valid examples: ")
        .contains(example)
        .endsWith(".");
  }

  @Test
  void minuteErrorsListTheMinuteExamples() {
    var error =
        catchThrowableOfType(CronParseException.class, () -> CronExpression.parse("60 * * * *"));

    assertThat(error.getMessage())
        .isEqualTo(
            "Invalid minute '60' at column 1: out of range, minute takes 0-59."
                + " Valid examples: \"0\", \"*/15\", \"0,30\", \"10-50/5\".");
  }

  @Test
  void rebootPointsToOneShotJobs() {
    var error =
        catchThrowableOfType(CronParseException.class, () -> CronExpression.parse("@reboot"));

    assertThat(error.getMessage()).contains("one-shot job").contains("at_start");
  }

  @Test
  void bareValueWithStepSuggestsTheValidForms() {
    var error =
        catchThrowableOfType(CronParseException.class, () -> CronExpression.parse("5/10 * * * *"));

    assertThat(error.getMessage()).contains("*/10").contains("5-59/10");
  }

  @Test
  void neverFiringExpressionSaysSo() {
    var error =
        catchThrowableOfType(CronParseException.class, () -> CronExpression.parse("0 0 30 2 *"));

    assertThat(error.getMessage()).contains("never fire").contains("'2'");
  }

  @Test
  void isAnIllegalArgumentException() {
    assertThat(
            catchThrowableOfType(IllegalArgumentException.class, () -> CronExpression.parse("x")))
        .isInstanceOf(CronParseException.class);
  }
}
