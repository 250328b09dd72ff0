package dev.hypernd.daemon;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypernd.daemon.journal.JournalEntry;
import dev.hypernd.daemon.journal.JournalSocket;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * Under systemd, writes each log event to the journal through the native protocol, so that the
 * journal has its fields and not only a line: {@code journalctl -u hypernd JOB=backup -p warning}.
 *
 * <ul>
 *   <li>{@code MESSAGE}: one short line for people ({@code task.failed backup sched-7: exit status
 *       1: disk full}), at most {@value #MESSAGE_CHARS} characters.
 *   <li>{@code PRIORITY}: the syslog priority of the level (3 ERROR, 4 WARN, 6 INFO, 7 below);
 *       {@code SYSLOG_IDENTIFIER=hypernd}.
 *   <li>Every field of a structured event under its upper-case name: {@code EVENT}, {@code JOB},
 *       {@code TASK_ID}, {@code ATTEMPT}, {@code ERROR}, {@code ERROR_TYPE}, {@code DURATION_MS}
 *       and so on, lists and objects as JSON.
 *   <li>Other lines: {@code LOGGER}, {@code THREAD}, their key-value pairs (as {@code EVENT} of
 *       {@code hook.failed}) and, with an exception, {@code STACK_TRACE}.
 * </ul>
 *
 * An event the journal does not take (journald restarting) goes to the fallback appender instead,
 * the daemon's standard output, which under systemd is the journal's stream: nothing is lost, only
 * its fields. One warning says so; the next event that gets through says it is over.
 */
final class JournalAppender extends AppenderBase<ILoggingEvent> {
  static final int MESSAGE_CHARS = 300;
  static final String IDENTIFIER = "hypernd";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JournalSocket journal;
  private final Appender<ILoggingEvent> fallback;
  private boolean failing;

  JournalAppender(JournalSocket journal, Appender<ILoggingEvent> fallback) {
    this.journal = journal;
    this.fallback = fallback;
  }

  @Override
  protected void append(ILoggingEvent event) {
    try {
      journal.send(entry(event));
      if (failing) {
        failing = false;
        fallback.doAppend(notice(event, "hypernd: the journal takes events with fields again"));
      }
    } catch (IOException | RuntimeException e) {
      if (!failing) {
        failing = true;
        fallback.doAppend(
            notice(
                event,
                "hypernd: cannot send to the journal at "
                    + journal.path()
                    + " ("
                    + e
                    + "); events go to standard output without their fields until it takes"
                    + " them again"));
      }
      fallback.doAppend(event);
    }
  }

  static JournalEntry entry(ILoggingEvent event) {
    JournalEntry.Builder entry = JournalEntry.builder();
    entry.field("MESSAGE", message(event));
    entry.field("PRIORITY", Integer.toString(SyslogPriorityEncoder.priority(event.getLevel())));
    entry.field("SYSLOG_IDENTIFIER", IDENTIFIER);
    EventFields fields = EventFields.in(event.getMarkerList());
    if (fields != null) {
      for (Map.Entry<String, Object> field : fields.fields().entrySet()) {
        if (field.getValue() != null) {
          entry.field(JournalEntry.name(field.getKey()), text(field.getValue()));
        }
      }
    } else {
      entry.field("LOGGER", event.getLoggerName());
      entry.field("THREAD", event.getThreadName());
      // Events logged with key-value pairs (hook.failed, alert.sent) carry them as fields too.
      List<KeyValuePair> pairs = event.getKeyValuePairs();
      if (pairs != null) {
        for (KeyValuePair pair : pairs) {
          if (pair.key != null && pair.value != null) {
            entry.field(JournalEntry.name(pair.key), text(pair.value));
          }
        }
      }
    }
    if (event.getThrowableProxy() != null) {
      entry.field("STACK_TRACE", ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }
    return entry.build();
  }

  /** The first line of the event's message, with the exception's when there is one, cut short. */
  static String message(ILoggingEvent event) {
    String text = String.valueOf(event.getFormattedMessage());
    if (event.getThrowableProxy() != null) {
      text +=
          ": "
              + event.getThrowableProxy().getClassName()
              + (event.getThrowableProxy().getMessage() == null
                  ? ""
                  : ": " + event.getThrowableProxy().getMessage());
    }
    int newline = text.indexOf('\n');
    if (newline >= 0) {
      text = text.substring(0, newline).stripTrailing() + " …";
    }
    return text.length() <= MESSAGE_CHARS ? text : text.substring(0, MESSAGE_CHARS - 1) + "…";
  }

  private static String text(Object value) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      try {
        return JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        return String.valueOf(value);
      }
    }
    return String.valueOf(value);
  }

  private static ILoggingEvent notice(ILoggingEvent cause, String message) {
    ch.qos.logback.classic.spi.LoggingEvent notice = new ch.qos.logback.classic.spi.LoggingEvent();
    notice.setLoggerName(JournalAppender.class.getName());
    notice.setLevel(ch.qos.logback.classic.Level.WARN);
    notice.setMessage(message);
    notice.setTimeStamp(cause.getTimeStamp());
    notice.setThreadName(cause.getThreadName());
    return notice;
  }

  @Override
  public void stop() {
    super.stop();
    try {
      journal.close();
    } catch (IOException e) {
      addWarn("closing the journal socket", e);
    }
  }
}
