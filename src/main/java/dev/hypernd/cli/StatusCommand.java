package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(
    name = "status",
    description =
        "Show the daemon (version, uptime, job file, last reload) and a line per job: schedule,"
            + " next fire, last state and duration, running tasks.")
final class StatusCommand extends BaseCommand {
  private static final int LABEL_WIDTH = 8;

  @Override
  Map<String, Object> request() {
    return Map.of("verb", "status");
  }

  @Override
  void print(JsonNode d, Printer p) {
    p.line(
        p.style.paint("hypernd " + d.path("version").asText(), Style.BOLD)
            + ", pid "
            + d.path("pid").asText()
            + ", up "
            + Times.span(Duration.ofSeconds(d.path("uptime_s").asLong()))
            + " (since "
            + Times.local(java.time.Instant.parse(d.path("started_at").asText()), p.zone())
            + ")");
    p.field(
        "config",
        d.path("config_file").asText() + ", loaded " + p.relative(d.get("config_loaded_at")),
        LABEL_WIDTH);
    printReload(d.path("last_reload"), p);
    p.line("");
    JobTables.status(d.path("jobs"), p);
  }

  private static void printReload(JsonNode reload, Printer p) {
    if (reload.isNull() || reload.isMissingNode()) {
      p.field("reload", "none since start", LABEL_WIDTH);
      return;
    }
    String when = p.relative(reload.get("at"));
    if (reload.path("accepted").asBoolean()) {
      String summary = reload.path("summary").asText();
      p.field(
          "reload",
          p.style.paint("accepted", Style.GREEN)
              + " "
              + when
              + (summary.isEmpty() ? "" : " (" + summary + ")"),
          LABEL_WIDTH);
      return;
    }
    p.field(
        "reload",
        p.style.paint("rejected", Style.RED)
            + " "
            + when
            + "; the previous job file stays in force:",
        LABEL_WIDTH);
    reload.path("errors").forEach(e -> p.line("  " + e.asText()));
  }
}
