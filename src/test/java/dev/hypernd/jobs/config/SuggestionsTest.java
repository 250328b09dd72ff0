package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
  private static final List<String> KEYS = JobReader.KEYS;

  @ParameterizedTest
  @CsvSource({
    "intervall, interval",
    "intreval, interval",
    "Interval, interval",
    "comand, command",
    "on_sucess, on_success",
    "timout, timeout",
    "catchup, catch_up",
    "atstart, at_start"
  })
  void suggestsTheClosestKeyWithinTwoEdits(String typo, String expected) {
    assertThat(Suggestions.closest(typo, KEYS)).contains(expected);
  }

  @Test
  void suggestsNothingWhenEveryKeyIsFar() {
    assertThat(Suggestions.closest("schedule", KEYS)).isEmpty();
    assertThat(Suggestions.closest("x", KEYS)).isEmpty();
  }

  @Test
  void countsASwapOfNeighboursAsOneEdit() {
    assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
  }

  @Test
  void rendersDidYouMean() {
    assertThat(Suggestions.didYouMean("skp", List.of("skip", "allow")))
        .isEqualTo("; did you mean \"skip\"?");
    assertThat(Suggestions.didYouMean("zzzzzz", List.of("skip"))).isEmpty();
  }
}
