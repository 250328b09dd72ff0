package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "next",
    description = {
      "Print a job's next fire times, one ISO-8601 date-time with offset a line.",
      "A paused job has none: it is said to be paused instead. A time is printed once per fire"
          + " due then (a cron job's times skipped by a daylight-saving gap all fire right after"
          + " it)."
    })
final class NextCommand extends BaseCommand {
  @Parameters(paramLabel = "JOB", description = "The job's name.")
  String job;

  @Option(
      names = "-n",
      paramLabel = "N",
      defaultValue = "5",
      description = "How many (1-1000, default ${DEFAULT-VALUE}).")
  int count;

  @Override
  Map<String, Object> request() {
    return Map.of("verb", "next", "job", job, "n", count);
  }

  @Override
  void print(JsonNode data, Printer p) {
    JsonNode fires = data.path("fires");
    if (data.path("paused").asBoolean()) {
      p.line(job + " is paused: it does not fire until `hypernctl resume " + job + "`");
      return;
    }
    if (fires.isEmpty()) {
      p.line(job + " has no coming fires (an on-demand job)");
      return;
    }
    for (JsonNode fire : fires) {
      Instant t = Instant.parse(fire.asText());
      p.line(Times.iso(t, p.zone()) + "  " + p.style.paint(Times.relative(t, p.now()), Style.DIM));
    }
  }
}
