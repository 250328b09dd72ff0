package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** The job tables of {@code status} and {@code jobs}. */
final class JobTables {
  private JobTables() {}

  static void status(JsonNode jobs, Printer p) {
    Table table =
        new Table("JOB", "SCHEDULE", "NEXT FIRE", "LAST STATE", "LAST DURATION", "RUNNING");
    for (JsonNode j : jobs) {
      String state = j.path("last_state").isTextual() ? j.path("last_state").asText() : "-";
      table.row(
          Table.Cell.plain(j.path("name").asText()),
          Table.Cell.plain(j.path("schedule").asText()),
          nextFire(j, p),
          new Table.Cell(state, Style.forState(state)),
          Table.Cell.plain(
              j.path("last_duration_ms").isNumber()
                  ? Times.millis(j.path("last_duration_ms").asLong())
                  : "-"),
          Table.Cell.plain(j.path("running").asText()));
    }
    print(table, p);
  }

  static void jobs(JsonNode jobs, Printer p) {
    Table table =
        new Table(
            "JOB",
            "SCHEDULE",
            "OVERLAP",
            "TIMEOUT",
            "RETRIES",
            "NEXT FIRE",
            "LAST FIRE",
            "RUNNING");
    for (JsonNode j : jobs) {
      table.row(
          Table.Cell.plain(j.path("name").asText()),
          Table.Cell.plain(j.path("schedule").asText()),
          Table.Cell.plain(j.path("overlap").asText()),
          Table.Cell.plain(
              j.path("timeout_ms").isNumber() ? Times.millis(j.path("timeout_ms").asLong()) : "-"),
          Table.Cell.plain(j.path("max_retries").asText()),
          nextFire(j, p),
          Table.Cell.plain(p.relative(j.get("last_fire"))),
          Table.Cell.plain(j.path("running").asText()));
    }
    print(table, p);
  }

  private static Table.Cell nextFire(JsonNode job, Printer p) {
    if (job.path("paused").asBoolean()) {
      return new Table.Cell("paused", Style.YELLOW);
    }
    return Table.Cell.plain(p.relative(job.get("next_fire")));
  }

  private static void print(Table table, Printer p) {
    if (table.isEmpty()) {
      p.line("no jobs");
    } else {
      p.table(table);
    }
  }
}
