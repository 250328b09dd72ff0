package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "reload",
    description =
        "Make the daemon read its job file again (as SIGHUP does). If the new file is invalid its"
            + " errors are printed, the old jobs keep running, and the exit code is 1.")
final class ReloadCommand extends BaseCommand {
  @Option(
      names = {"-q", "--quiet"},
      description =
          "Print nothing when the file was applied (the unit's ExecReload uses this: the daemon's"
              + " config.loaded event already says so); a rejection is still printed.")
  boolean quiet;

  @Override
  Map<String, Object> request() {
    return Map.of("verb", "reload");
  }

  /** A large job file with many class checks can take longer than an ordinary answer. */
  @Override
  Duration answerTimeout() {
    return Duration.ofMinutes(2);
  }

  @Override
  void print(JsonNode data, Printer p) {
    if (data.path("accepted").asBoolean()) {
      if (quiet) {
        return;
      }
      String summary = data.path("summary").asText();
      p.line("reloaded" + (summary.isEmpty() ? "" : ": " + summary));
      return;
    }
    p.line(
        p.style.paint("rejected", Style.RED)
            + ": the job file has errors; the previous jobs stay in force");
    data.path("errors").forEach(e -> p.line("  " + e.asText()));
  }

  @Override
  int exitCode(JsonNode data) {
    return data.path("accepted").asBoolean() ? OK : REFUSED;
  }
}
