package dev.hypernd.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.control.ControlJson;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Where a verb's human output goes, with the colour setting, whether it is a terminal (where long
 * cells are cut to keep a table on the screen) and the clock for relative times.
 */
final class Printer {
  final PrintWriter out;
  final Style style;
  final boolean terminal;
  private final Clock clock;

  Printer(PrintWriter out, Style style, boolean terminal, Clock clock) {
    this.out = out;
    this.style = style;
    this.terminal = terminal;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  ZoneId zone() {
    return clock.getZone();
  }

  void line(String text) {
    out.println(text);
  }

  void table(Table table) {
    table.print(out, style);
  }

  /**
   * {@code label value} with the label padded to {@code width}; the lines of a multi-line value (an
   * error with a stderr tail) are indented to stay in the value column.
   */
  void field(String label, String value, int width) {
    out.println(
        style.paint(label, Style.BOLD)
            + " ".repeat(Math.max(1, width - label.length()))
            + value.strip().replace("\n", "\n" + " ".repeat(width)));
  }

  void json(JsonNode data) {
    try {
      out.println(ControlJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(data));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print the answer as JSON", e);
    }
  }

  /** A time as {@code in 4m}, or {@code -} when absent. */
  String relative(JsonNode time) {
    return time == null || time.isNull()
        ? "-"
        : Times.relative(Instant.parse(time.asText()), now());
  }

  /** A time as {@code 2026-01-05 10:00:00 +01:00 (3m ago)}, or {@code -} when absent. */
  String absolute(JsonNode time) {
    if (time == null || time.isNull()) {
      return "-";
    }
    Instant t = Instant.parse(time.asText());
    return Times.local(t, zone()) + " (" + Times.relative(t, now()) + ")";
  }
}
