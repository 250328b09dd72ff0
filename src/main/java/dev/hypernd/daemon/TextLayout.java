package dev.hypernd.daemon;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * {@code --log-format text}: one line per event for people reading a terminal, such as
 *
 * <pre>
 * 2026-03-29 03:00:00.012+02:00 INFO  task.started job=nightly task_id=sched-7 attempt=1 …
 * </pre>
 *
 * Structured events print their name and then every field as {@code key=value}, quoting values with
 * spaces; other log lines print their message and key-value pairs. Times are in the host's zone
 * with the offset, so lines stay unambiguous across DST changes.
 */
final class TextLayout extends LayoutBase<ILoggingEvent> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSXXX");

  private final ZoneId zone;

  TextLayout(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(160);
    line.append(TIME.format(event.getInstant().atZone(zone))).append(' ');
    line.append(String.format("%-5s", event.getLevel())).append(' ');
    EventFields fields = eventFields(event.getMarkerList());
    if (fields != null) {
      appendFields(line, fields.fields());
    } else {
      line.append(event.getFormattedMessage());
      List<KeyValuePair> pairs = event.getKeyValuePairs();
      if (pairs != null) {
        for (KeyValuePair pair : pairs) {
          line.append(' ').append(pair.key).append('=').append(quoted(pair.value));
        }
      }
    }
    line.append(CoreConstants.LINE_SEPARATOR);
    if (event.getThrowableProxy() != null) {
      line.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      line.append(CoreConstants.LINE_SEPARATOR);
    }
    return line.toString();
  }

  private static EventFields eventFields(List<Marker> markers) {
    if (markers != null) {
      for (Marker marker : markers) {
        if (marker instanceof EventFields fields) {
          return fields;
        }
      }
    }
    return null;
  }

  private static void appendFields(StringBuilder line, Map<String, Object> fields) {
    line.append(fields.getOrDefault("event", "event"));
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      if (!field.getKey().equals("event")) {
        line.append(' ').append(field.getKey()).append('=').append(quoted(field.getValue()));
      }
    }
  }

  /** Bare when the value is one word; else in double quotes with {@code \\ " \n} escaped. */
  static String quoted(Object value) {
    String text = String.valueOf(value);
    if (!text.isEmpty() && text.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '=')) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
