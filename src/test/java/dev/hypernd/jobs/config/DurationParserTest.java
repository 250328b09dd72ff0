package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationParserTest {

  @ParameterizedTest
  @CsvSource({
    "30s, PT30S",
    "5m, PT5M",
    "1h30m, PT1H30M",
    "2h, PT2H",
    "1d, PT24H",
    "500ms, PT0.5S",
    "1d2h3m4s5ms, PT26H3M4.005S",
    "90, PT1M30S",
    "1.5, PT1.5S",
    "0.000000001, PT0.000000001S",
    "0, PT0S",
    "0s, PT0S",
    "' 45s ', PT45S",
    "106751d, PT2562024H"
  })
  void readsTheDocumentedForms(String text, Duration expected) {
    assertThat(DurationParser.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "fast | expected a duration such as 30s, 5m, 1h30m or a number of seconds, found \"fast\"",
        "'' | expected a duration such as 30s, 5m, 1h30m or a number of seconds, found an empty"
            + " value",
        "-5s | a duration cannot be negative; expected a duration such as 30s, 5m, 1h30m or a"
            + " number of seconds, found \"-5s\"",
        "-1 | a duration cannot be negative",
        "5x | unknown unit \"x\" (units are d, h, m, s, ms); expected a duration such as 30s,"
            + " found \"5x\"",
        "5M | found \"5M\"",
        "30m1h | units must go from largest to smallest, each at most once",
        "1h1h | units must go from largest to smallest, each at most once",
        "1.5h | found \"1.5h\"",
        "h | found \"h\"",
        "1h 30m | found \"1h 30m\"",
        "0.0000000001 | a duration is precise to the nanosecond at most",
        "106752d | duration \"106752d\" is too large; the maximum is 106751d",
        "99999999999999999999999s | is too large",
        "9223372037 | is too large"
      })
  void rejectsWithWhatWasFoundAndTheAcceptedForms(String text, String message) {
    String[] parts = message.split("expected a duration such as 30s, ", 2);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DurationParser.parse(text))
        .withMessageContaining(parts[0].strip())
        .withMessageContaining(parts.length > 1 ? parts[1].strip() : "");
  }

  @ParameterizedTest
  @CsvSource({
    "PT0S, 0s",
    "PT1H30M, 1h30m",
    "PT26H0.5S, 1d2h500ms",
    "PT0.0000015S, 0.0000015",
    "PT1.0000015S, 1.0000015"
  })
  void formatsTheShortestForm(Duration duration, String text) {
    assertThat(DurationParser.format(duration)).isEqualTo(text);
  }

  @Test
  void theLargestDurationFitsInNanoseconds() {
    Duration max = DurationParser.parse("106751d23h47m16s854ms");
    assertThat(max.toNanos()).isLessThanOrEqualTo(Long.MAX_VALUE);
  }
}
