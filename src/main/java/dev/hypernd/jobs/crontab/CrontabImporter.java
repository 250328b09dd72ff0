package dev.hypernd.jobs.crontab;

import dev.hypernd.cron.CronExpression;
import dev.hypernd.cron.CronParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Converts a crontab into a job file with the same meaning. What the job file cannot say exactly
 * (mail, another user, cronie's random delay) is kept as a comment and reported as a warning, never
 * changed silently.
 */
public final class CrontabImporter {
  private static final String DEFAULT_SHELL = "/bin/sh";

  /**
   * The converted file and what it could not express.
   *
   * @param yaml the job file, with comments
   * @param warnings one line each, starting with the crontab line number when there is one
   */
  public record Conversion(String yaml, List<String> warnings) {
    public Conversion {
      Objects.requireNonNull(yaml, "yaml");
      warnings = List.copyOf(warnings);
    }
  }

  private final boolean userColumn;

  /**
   * @param userColumn true for a system crontab ({@code /etc/crontab}, {@code /etc/cron.d/*}) whose
   *     lines name the user after the schedule
   */
  public CrontabImporter(boolean userColumn) {
    this.userColumn = userColumn;
  }

  /**
   * @param source how to name the crontab in the output's header (a path, or "standard input")
   */
  public Conversion convert(String source, String crontab) {
    State state = new State();
    for (CrontabLine line : new CrontabParser(userColumn).parse(crontab)) {
      state.accept(line);
    }
    String yaml = new JobFileText(source, state.jobs, state.notConverted, state.trailing).render();
    return new Conversion(yaml, state.warnings);
  }

  /** What the walk over the lines has gathered so far; cron's variables apply downwards. */
  private static final class State {
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> comments = new ArrayList<>();
    private final List<ImportedJob> jobs = new ArrayList<>();
    private final List<String> notConverted = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> warnedOnce = new LinkedHashSet<>();
    private final List<String> trailing = comments;
    private final JobNamer namer = new JobNamer();

    void accept(CrontabLine line) {
      if (line instanceof CrontabLine.Comment comment) {
        comments.add(comment.text());
      } else if (line instanceof CrontabLine.Variable variable) {
        variable(variable);
      } else if (line instanceof CrontabLine.Entry entry) {
        entry(entry);
      } else if (line instanceof CrontabLine.Invalid invalid) {
        skip(invalid.number(), invalid.text(), "cron would reject it: " + invalid.reason());
      }
    }

    private void variable(CrontabLine.Variable variable) {
      env.put(variable.name(), variable.value());
      String value = variable.value();
      switch (variable.name()) {
        case "MAILTO" -> {
          if (!value.isEmpty()) {
            warnOnce(
                variable.number(),
                "MAILTO="
                    + value
                    + ": hypernd does not mail job output; it logs it and keeps it in each"
                    + " task's result (on_failure hooks can send mail)");
          }
        }
        case "RANDOM_DELAY" ->
            warnOnce(
                variable.number(),
                "RANDOM_DELAY="
                    + value
                    + ": cronie's random start delay has no job-file equivalent here;"
                    + " the jobs start at their exact times");
        default -> {}
      }
    }

    private void entry(CrontabLine.Entry entry) {
      String original = render(entry);
      String cron = null;
      if (!entry.schedule().equalsIgnoreCase("@reboot")) {
        try {
          cron = CronExpression.parse(entry.schedule()).text();
        } catch (CronParseException e) {
          skip(entry.number(), original, "its schedule is not valid: " + e.getMessage());
          return;
        }
      }
      String timezone = env.get("CRON_TZ");
      if (timezone != null && cron != null) {
        try {
          timezone = ZoneId.of(timezone).getId();
        } catch (DateTimeException e) {
          skip(entry.number(), original, "CRON_TZ=" + timezone + " is not a known time zone");
          return;
        }
      } else {
        timezone = null;
      }
      if (entry.user() != null) {
        warnings.add(
            "line "
                + entry.number()
                + ": runs as "
                + entry.user()
                + " under cron; hypernd runs it as the daemon's user");
      }
      if (!entry.options().isEmpty()) {
        warnings.add(
            "line "
                + entry.number()
                + ": cronie option "
                + entry.options().strip()
                + " (mail only on error) dropped: hypernd sends no mail");
      }
      String shell = env.getOrDefault("SHELL", DEFAULT_SHELL);
      CronCommand command = CronCommand.parse(entry.command());
      jobs.add(
          new ImportedJob(
              entry.number(),
              original,
              namer.name(command.command()),
              cron,
              timezone,
              shell.equals(DEFAULT_SHELL) ? null : shell,
              command,
              Collections.unmodifiableMap(new LinkedHashMap<>(env)),
              List.copyOf(comments)));
      comments.clear();
    }

    private void skip(int number, String text, String why) {
      warnings.add("line " + number + ": not converted: " + why);
      notConverted.addAll(comments);
      comments.clear();
      notConverted.add(" NOT CONVERTED (line " + number + ", " + why + "):");
      notConverted.add(" " + text);
    }

    private void warnOnce(int number, String warning) {
      if (warnedOnce.add(warning)) {
        warnings.add("line " + number + ": " + warning);
      }
    }

    private String render(CrontabLine.Entry entry) {
      return entry.schedule()
          + (entry.user() == null ? "" : " " + entry.user())
          + (entry.options().isEmpty() ? "" : " " + entry.options().strip())
          + " "
          + entry.command();
    }
  }
}
