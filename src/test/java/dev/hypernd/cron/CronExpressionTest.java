package dev.hypernd.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

  @ParameterizedTest(name = "[{index}] \"{0}\" fixed time: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0 3 * * *       | true
          30 2 * * 1-5    | true
          0-59/5 3 * * *  | true
          0,30 8-18 * * * | true
          */15 * * * *    | false
          0 * * * *       | false
          * 3 * * *       | false
          0 */2 * * *     | false
          @hourly         | false
          @daily          | true
          @midnight       | true
          @weekly         | true
          @monthly        | true
          @yearly         | true
          @annually       | true
          """)
  void fixedTimeMeansMinuteAndHourDoNotStartWithAStar(String expression, boolean fixed) {
    assertThat(CronExpression.parse(expression).isFixedTime()).isEqualTo(fixed);
  }

  @Test
  void textIsTheTrimmedInputAndToStringReturnsIt() {
    var expression = CronExpression.parse("  0  3\t* * MON \n");

    assertThat(expression.text()).isEqualTo("0  3\t* * MON");
    assertThat(expression).hasToString("0  3\t* * MON");
  }

  @Test
  void equalWhenTextsDifferOnlyInBlanks() {
    var spaced = CronExpression.parse(" 0  3\t* * * ");
    var plain = CronExpression.parse("0 3 * * *");

    assertThat(spaced).isEqualTo(plain).hasSameHashCodeAs(plain);
  }

  @Test
  void notEqualWhenTextsDiffer() {
    assertThat(CronExpression.parse("0 3 * * *")).isNotEqualTo(CronExpression.parse("0 4 * * *"));
    assertThat(CronExpression.parse("0 0 * * *")).isNotEqualTo(CronExpression.parse("@daily"));
    assertThat(CronExpression.parse("@daily")).isEqualTo(CronExpression.parse(" @daily"));
  }

  @Test
  void schedulesAreEqualWhenExpressionAndZoneAre() {
    var berlin = ZoneId.of("Europe/Berlin");
    var schedule = CronSchedule.parse("0 3 * * *", berlin);

    assertThat(schedule)
        .isEqualTo(CronExpression.parse("0  3 * * *").in(berlin))
        .hasSameHashCodeAs(CronExpression.parse("0  3 * * *").in(berlin))
        .isNotEqualTo(CronSchedule.parse("0 3 * * *", ZoneOffset.UTC))
        .hasToString("0 3 * * * (Europe/Berlin)");
    assertThat(schedule.expression()).isEqualTo(CronExpression.parse("0 3 * * *"));
    assertThat(schedule.zone()).isEqualTo(berlin);
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> CronExpression.parse(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CronExpression.parse("@daily").in(null))
        .isInstanceOf(NullPointerException.class);
  }
}
