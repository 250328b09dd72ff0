package dev.hypernd.daemon;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SyslogPriorityEncoderTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  @Test
  void everyLevelGetsItsSyslogPriority() {
    assertThat(SyslogPriorityEncoder.priority(Level.ERROR)).isEqualTo(3);
    assertThat(SyslogPriorityEncoder.priority(Level.WARN)).isEqualTo(4);
    assertThat(SyslogPriorityEncoder.priority(Level.INFO)).isEqualTo(6);
    assertThat(SyslogPriorityEncoder.priority(Level.DEBUG)).isEqualTo(7);
    assertThat(SyslogPriorityEncoder.priority(Level.TRACE)).isEqualTo(7);
  }

  @Test
  void aJsonLineStartsWithThePriorityAndIsOtherwiseUnchanged() throws IOException {
    LoggingEvent event = event(Level.ERROR, "task.failed backup sched-4", null);
    String plain = new String(Logging.json(context).encode(event), UTF_8);
    String prefixed = new String(prefixed(Logging.json(context)).encode(event), UTF_8);

    assertThat(prefixed).startsWith("<3>{").endsWith("\n");
    assertThat(prefixed.substring(3)).isEqualTo(plain);
    assertThat(new ObjectMapper().readTree(prefixed.substring(3)).path("level").asText())
        .isEqualTo("ERROR");
  }

  @Test
  void everyLineOfAMultiLineEventIsPrefixedSoJournaldKeepsItsPriority() {
    LoggingEvent event =
        event(Level.WARN, "hook failed", new IllegalStateException("boom\nsecond line"));
    String prefixed = new String(prefixed(Logging.text(context)).encode(event), UTF_8);

    assertThat(prefixed.lines().count()).isGreaterThan(2);
    assertThat(prefixed.lines()).allSatisfy(line -> assertThat(line).startsWith("<4>"));
    assertThat(prefixed).endsWith("\n").doesNotEndWith("<4>");
  }

  @Test
  void journalStreamCountsOnlyWhenItNamesThisProcesssStdout() throws IOException {
    Path stdout = Path.of("/proc/self/fd/1");
    long device = ((Number) Files.getAttribute(stdout, "unix:dev")).longValue();
    long inode = ((Number) Files.getAttribute(stdout, "unix:ino")).longValue();

    assertThat(JournalStream.isStdout(Map.of("JOURNAL_STREAM", device + ":" + inode))).isTrue();
    assertThat(JournalStream.isStdout(Map.of("JOURNAL_STREAM", device + ":" + (inode + 1))))
        .as("inherited by a process whose stdout is elsewhere")
        .isFalse();
    assertThat(JournalStream.isStdout(Map.of())).isFalse();
    assertThat(JournalStream.names("8:1234", 8, 1234)).isTrue();
    assertThat(JournalStream.names("8:1234", 9, 1234)).isFalse();
    assertThat(JournalStream.names("8-1234", 8, 1234)).isFalse();
    assertThat(JournalStream.names("x:1234", 8, 1234)).isFalse();
    assertThat(JournalStream.names("", 0, 0)).isFalse();
  }

  private SyslogPriorityEncoder prefixed(
      ch.qos.logback.core.encoder.Encoder<ch.qos.logback.classic.spi.ILoggingEvent> inner) {
    SyslogPriorityEncoder encoder = new SyslogPriorityEncoder(inner);
    encoder.setContext(context);
    encoder.start();
    return encoder;
  }

  private LoggingEvent event(Level level, String message, Throwable error) {
    LoggingEvent event =
        new LoggingEvent(
            "test", context.getLogger("hypernd.events"), level, message, error, new Object[0]);
    event.setTimeStamp(1_700_000_000_000L);
    return event;
  }
}
