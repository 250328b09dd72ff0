package dev.hypernd.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.event.KeyValuePair;

/**
 * {@code --log-format text}, the default on a terminal: one short line per event for a person
 * watching, such as
 *
 * <pre>
 * 22:57:25 backup sched-12 started (attempt 1)
 * 22:57:27 backup sched-12 failed exit 3 in 2.5s: disk full, retry in 1s
 * </pre>
 *
 * The local time to the second, then what {@link EventText} makes of a structured event. Other log
 * lines print their level when it is WARN or ERROR, their message and key-value pairs (not those of
 * an event such as {@code hook.failed}, whose message says it all), and the stack trace of an
 * exception they carry, which is what such a line is there for. The JSON format keeps every field;
 * a line this layout drops ({@code task.scheduled} for a task due at once) is only left out here.
 */
final class TextLayout extends LayoutBase<ILoggingEvent> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final ZoneId zone;
  private final EventText words;

  TextLayout(ZoneId zone) {
    this.zone = zone;
    this.words = new EventText(zone);
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    EventFields fields = EventFields.in(event.getMarkerList());
    String text;
    if (fields != null) {
      text = words.describe(fields.fields(), event.getInstant());
      if (text == null) {
        return "";
      }
    } else {
      text = plain(event);
    }
    StringBuilder line = new StringBuilder(text.length() + 10);
    line.append(TIME.format(event.getInstant().atZone(zone))).append(' ').append(text);
    line.append(CoreConstants.LINE_SEPARATOR);
    if (event.getThrowableProxy() != null) {
      line.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      line.append(CoreConstants.LINE_SEPARATOR);
    }
    return line.toString();
  }

  private static String plain(ILoggingEvent event) {
    StringBuilder text = new StringBuilder();
    if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
      text.append(event.getLevel()).append(' ');
    }
    text.append(event.getFormattedMessage());
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    // An event logged with key-value pairs (hook.failed, alert.sent) says it all in its message;
    // its pairs are there for the JSON format.
    if (pairs != null && pairs.stream().noneMatch(pair -> pair.key.equals("event"))) {
      for (KeyValuePair pair : pairs) {
        text.append(' ').append(pair.key).append('=').append(quoted(pair.value));
      }
    }
    return text.toString();
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
