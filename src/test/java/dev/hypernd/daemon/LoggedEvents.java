package dev.hypernd.daemon;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the {@code hypernd.events} logger writes while it is open, encoded afterwards by the same
 * encoders {@code hypernd run} configures. Open it before the code under test logs; close it after.
 */
final class LoggedEvents implements AutoCloseable {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger logger = context.getLogger(EventLog.LOGGER);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  LoggedEvents() {
    appender.setContext(context);
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.INFO);
    logger.setAdditive(false);
  }

  /** Each line as {@code --log-format json} writes it, checked to be one line, parsed. */
  List<JsonNode> json() throws Exception {
    Encoder<ILoggingEvent> encoder = Logging.json(context);
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (ILoggingEvent event : appender.list) {
      String line = new String(encoder.encode(event), UTF_8);
      assertThat(line).endsWith("\n").doesNotContain("\n\n");
      assertThat(line.strip()).doesNotContain("\n");
      lines.add(mapper.readTree(line));
    }
    return lines;
  }

  /**
   * What {@code --log-format text} writes for them in {@code zone}, as if each had been logged at
   * {@code at}: the text of each event in order, an empty string for one it leaves out.
   */
  List<String> text(ZoneId zone, Instant at) {
    Encoder<ILoggingEvent> encoder = Logging.text(context, zone);
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : appender.list) {
      ((LoggingEvent) event).setInstant(at);
      lines.add(new String(encoder.encode(event), UTF_8));
    }
    return lines;
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(null);
    logger.setAdditive(true);
  }
}
