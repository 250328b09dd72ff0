package dev.hypernd.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Starts every line of another encoder's output with the event's syslog priority, {@code <3>} for
 * ERROR, {@code <4>} WARN, {@code <6>} INFO, {@code <7>} below. journald reads the prefix as the
 * line's priority and strips it (systemd.exec(5), {@code SyslogLevelPrefix=}, on by default), so
 * {@code journalctl -u hypernd -p warning} shows the task errors and failures and nothing else.
 * Each line of a multi-line event (a stack trace in the text format) gets the prefix, as journald
 * takes every line as an entry of its own.
 */
final class SyslogPriorityEncoder extends EncoderBase<ILoggingEvent> {
  private final Encoder<ILoggingEvent> inner;

  SyslogPriorityEncoder(Encoder<ILoggingEvent> inner) {
    this.inner = inner;
  }

  static int priority(Level level) {
    if (level.isGreaterOrEqual(Level.ERROR)) {
      return 3;
    }
    if (level.isGreaterOrEqual(Level.WARN)) {
      return 4;
    }
    return level.isGreaterOrEqual(Level.INFO) ? 6 : 7;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    byte[] text = inner.encode(event);
    byte[] prefix = ("<" + priority(event.getLevel()) + ">").getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + prefix.length);
    try (LinePrefixingStream lines = new LinePrefixingStream(out, prefix)) {
      lines.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  @Override
  public byte[] headerBytes() {
    return inner.headerBytes();
  }

  @Override
  public byte[] footerBytes() {
    return inner.footerBytes();
  }

  @Override
  public void start() {
    if (!inner.isStarted()) {
      inner.start();
    }
    super.start();
  }

  @Override
  public void stop() {
    inner.stop();
    super.stop();
  }
}
