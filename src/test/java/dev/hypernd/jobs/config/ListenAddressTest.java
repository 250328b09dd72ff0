package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListenAddressTest {

  @Test
  void readsHostAndPortWithIpv6InBrackets() {
    assertThat(ListenAddress.parse("127.0.0.1:9464"))
        .isEqualTo(new ListenAddress("127.0.0.1", 9464));
    assertThat(ListenAddress.parse("localhost:0")).isEqualTo(new ListenAddress("localhost", 0));
    assertThat(ListenAddress.parse("[::1]:9464")).isEqualTo(new ListenAddress("::1", 9464));
    assertThat(ListenAddress.parse("[::1]:9464")).hasToString("[::1]:9464");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9464", ":9464", "127.0.0.1:", "127.0.0.1:http", "::1:9464", "[]:9464"})
  void somethingElseIsRejectedWithExamples(String text) {
    assertThatThrownBy(() -> ListenAddress.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text);
  }

  @Test
  void thePortIsFrom0To65535() {
    assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:65536"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port (65536) must be from 0 to 65535");
  }
}
