package dev.hypernd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypernd.jobs.config.DurationParser;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * hypernctl reads durations with its own copy of the job file's grammar (it may not load the jobs
 * layer); here both read the same texts and must agree on every one.
 */
class DurationTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "30s", "5m", "1h30m", "2h", "1d", "500ms", "1d2h3m4s5ms", "90", "1.5", "0", "0s",
        "0.000000001", " 45s ", "106751d", "1h1h", "5ms5s", "m", "5", "1.", ".5", "-1s", "5x",
        "1 h", "5M", "", "10ms", "1m30", "3d23h59m59s999ms", "0.0000000001", "106752d",
            "99999999999999999999"
      })
  void agreesWithTheJobFileParser(String text) {
    Optional<Duration> expected = read(() -> DurationParser.parse(text));
    Optional<Duration> actual = read(() -> DurationText.parse(text));
    assertThat(actual).as(text).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "-5s", "1h1h"})
  void aBadValueNamesTheFormsThatWork(String text) {
    assertThatThrownBy(() -> DurationText.parse(text))
        .isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessageContaining("30s, 5m, 1h30m")
        .hasMessageContaining(text);
  }

  private static Optional<Duration> read(java.util.function.Supplier<Duration> parse) {
    try {
      return Optional.of(parse.get());
    } catch (IllegalArgumentException | CommandLine.TypeConversionException e) {
      return Optional.empty();
    }
  }
}
