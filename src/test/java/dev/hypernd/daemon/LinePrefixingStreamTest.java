package dev.hypernd.daemon;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class LinePrefixingStreamTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final LinePrefixingStream lines = new LinePrefixingStream(out, "<3>".getBytes(UTF_8));

  @Test
  void everyLineIsPrefixedOnceHoweverTheWritesSplitIt() throws IOException {
    lines.write("first li".getBytes(UTF_8));
    lines.write("ne\nsecond\n\nfou".getBytes(UTF_8));
    lines.write('r');
    lines.write('\n');
    lines.write("fifth".getBytes(UTF_8), 0, 5);

    assertThat(out.toString(UTF_8)).isEqualTo("<3>first line\n<3>second\n<3>\n<3>four\n<3>fifth");
  }

  @Test
  void nothingWrittenMeansNoPrefixAndAFinalNewlineStartsNoLine() throws IOException {
    lines.write(new byte[0]);
    assertThat(out.size()).isZero();
    lines.write("one\n".getBytes(UTF_8));
    assertThat(out.toString(UTF_8)).isEqualTo("<3>one\n");
  }

  @Test
  void onlyTheGivenRangeIsWritten() throws IOException {
    lines.write("xxab\ncdyy".getBytes(UTF_8), 2, 5);
    assertThat(out.toString(UTF_8)).isEqualTo("<3>ab\n<3>cd");
  }
}
