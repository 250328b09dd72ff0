package dev.hypernd.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import dev.hypernd.daemon.journal.JournalSocket;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up the daemon's logging in code rather than from a {@code logback.xml}, so that what the
 * format flag selects cannot be overridden by a configuration file that happens to be on the
 * classpath (a test's {@code logback-test.xml}, a job jar's). Everything, the engine's and the
 * libraries' lines included, goes to one stream at level INFO and above, in one format.
 */
final class Logging {
  private Logging() {}

  /**
   * Replaces any configuration with one appender writing {@code format} to {@code out}.
   *
   * @param journal whether {@code out} is systemd's journal: each line then starts with its syslog
   *     priority, which journald strips and records
   */
  static void configure(LogFormat format, OutputStream out, boolean journal) {
    configure(format, out, journal, Optional.empty());
  }

  /**
   * As {@link #configure(LogFormat, OutputStream, boolean)}, but with {@code nativeJournal} present
   * every event goes there, with its fields ({@link JournalAppender}), and {@code out} is only the
   * fallback for events the journal does not take.
   */
  static void configure(
      LogFormat format, OutputStream out, boolean journal, Optional<JournalSocket> nativeJournal) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    Encoder<ILoggingEvent> encoder = format == LogFormat.JSON ? json(context) : text(context);
    if (journal) {
      SyslogPriorityEncoder prefixed = new SyslogPriorityEncoder(encoder);
      prefixed.setContext(context);
      prefixed.start();
      encoder = prefixed;
    }
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("stdout");
    appender.setEncoder(encoder);
    appender.setImmediateFlush(true);
    // Stopping the appender closes its stream; stdout must outlive it.
    appender.setOutputStream(new Unclosable(out));
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    if (nativeJournal.isPresent()) {
      JournalAppender fields = new JournalAppender(nativeJournal.get(), appender);
      fields.setContext(context);
      fields.setName("journal");
      fields.start();
      root.addAppender(fields);
    } else {
      root.addAppender(appender);
    }
  }

  /** Flushes and releases the appender; call last, at exit. */
  static void stop() {
    ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
  }

  static Encoder<ILoggingEvent> json(Context context) {
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.setTimeZone("UTC");
    encoder.getFieldNames().setVersion("[ignore]");
    encoder.getFieldNames().setLevelValue("[ignore]");
    encoder.getFieldNames().setLogger("logger");
    encoder.getFieldNames().setThread("thread");
    encoder.start();
    return encoder;
  }

  static Encoder<ILoggingEvent> text(Context context) {
    return text(context, ZoneId.systemDefault());
  }

  /** Text lines with the times of day in {@code zone}. */
  static Encoder<ILoggingEvent> text(Context context, ZoneId zone) {
    TextLayout layout = new TextLayout(zone);
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    return encoder;
  }

  /** Passes writes through in blocks and turns {@code close} into {@code flush}. */
  private static final class Unclosable extends FilterOutputStream {
    Unclosable(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
