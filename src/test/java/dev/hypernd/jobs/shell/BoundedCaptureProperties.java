package dev.hypernd.jobs.shell;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The ring buffer against the obvious oracle: the whole text, cut by hand. */
class BoundedCaptureProperties {

  @Property(tries = 300)
  void keepsExactlyTheHeadAndTheTail(
      @ForAll @IntRange(max = 20) int head,
      @ForAll @IntRange(max = 20) int tail,
      @ForAll @Size(max = 30) List<@AlphaChars @StringLength(max = 25) String> writes) {
    BoundedCapture capture = new BoundedCapture(head, tail);
    StringBuilder all = new StringBuilder();
    for (String write : writes) {
      byte[] bytes = ("<" + write + ">").getBytes(US_ASCII);
      capture.append(bytes, 1, bytes.length - 2);
      all.append(write);
    }

    String text = all.toString();
    String expected =
        text.length() <= head + tail
            ? text
            : text.substring(0, head)
                + "…\n["
                + (text.length() - head - tail)
                + " bytes omitted]\n…"
                + text.substring(text.length() - tail);
    assertThat(capture.render()).isEqualTo(expected);
    assertThat(capture.totalBytes()).isEqualTo(text.length());
  }
}
