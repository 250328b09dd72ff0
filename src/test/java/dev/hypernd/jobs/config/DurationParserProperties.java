package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class DurationParserProperties {

  @Property
  void formatReadsBackAsTheSameDuration(@ForAll @LongRange(min = 0) long nanos) {
    Duration duration = Duration.ofNanos(nanos);
    assertThat(DurationParser.parse(DurationParser.format(duration))).isEqualTo(duration);
  }

  @Property
  void wholeMillisecondsFormatWithUnitsOnly(@ForAll @LongRange(min = 1, max = 1L << 40) long ms) {
    assertThat(DurationParser.format(Duration.ofMillis(ms))).matches("([0-9]+(d|h|m|s|ms))+");
  }
}
