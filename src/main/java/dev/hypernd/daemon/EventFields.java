package dev.hypernd.daemon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.logstash.logback.marker.MapEntriesAppendingMarker;
import org.slf4j.Marker;

/**
 * The fields of one structured event, attached to its log call. The JSON encoder writes them as
 * top-level fields of the line; {@link TextLayout} reads them back to print {@code key=value}
 * pairs, which is why the map is kept here rather than only inside the encoder's marker.
 */
final class EventFields extends MapEntriesAppendingMarker {
  private final Map<String, Object> fields;

  private EventFields(Map<String, Object> fields) {
    super(fields);
    this.fields = fields;
  }

  /** Keeps a copy of {@code fields}, in their order. */
  static EventFields of(Map<String, Object> fields) {
    return new EventFields(Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
  }

  Map<String, Object> fields() {
    return fields;
  }

  /** The event fields among a log call's markers, or {@code null} for a plain log line. */
  static EventFields in(List<Marker> markers) {
    if (markers != null) {
      for (Marker marker : markers) {
        if (marker instanceof EventFields fields) {
          return fields;
        }
      }
    }
    return null;
  }
}
