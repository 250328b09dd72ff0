package dev.hypernd.daemon.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code WATCHDOG_USEC} and {@code WATCHDOG_PID} as sd_watchdog_enabled(3) reads them. */
class WatchdogTest {
  private static final long PID = 4242;

  @Test
  void theIntervalIsInMicroseconds() {
    assertThat(Watchdog.interval(Map.of("WATCHDOG_USEC", "60000000"), PID))
        .contains(Duration.ofSeconds(60));
  }

  @Test
  void aWatchdogForAnotherProcessIsNotOurs() {
    assertThat(Watchdog.interval(Map.of("WATCHDOG_USEC", "60000000", "WATCHDOG_PID", "4242"), PID))
        .contains(Duration.ofSeconds(60));
    assertThat(Watchdog.interval(Map.of("WATCHDOG_USEC", "60000000", "WATCHDOG_PID", "1"), PID))
        .isEmpty();
  }

  @Test
  void missingZeroOrGarbageMeansNoWatchdog() {
    assertThat(Watchdog.interval(Map.of(), PID)).isEmpty();
    assertThat(Watchdog.interval(Map.of("WATCHDOG_USEC", "0"), PID)).isEmpty();
    assertThat(Watchdog.interval(Map.of("WATCHDOG_USEC", "soon"), PID)).isEmpty();
    assertThat(Watchdog.interval(Map.of("WATCHDOG_USEC", "1000", "WATCHDOG_PID", "x"), PID))
        .isEmpty();
  }

  @Test
  void pingsComeEveryHalfIntervalAndPatienceStaysBetweenTwoAndTenSeconds() {
    assertThat(Watchdog.pingEvery(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(30));
    assertThat(Watchdog.patience(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(10));
    assertThat(Watchdog.patience(Duration.ofSeconds(8))).isEqualTo(Duration.ofSeconds(4));
    assertThat(Watchdog.patience(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(2));
  }
}
