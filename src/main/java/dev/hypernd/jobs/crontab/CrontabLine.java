package dev.hypernd.jobs.crontab;

import java.util.Objects;

/** One line of a crontab as cron reads it, with its 1-based line number. */
sealed interface CrontabLine {
  int number();

  /** A blank line. */
  record Blank(int number) implements CrontabLine {}

  /** A {@code #} comment; {@code text} is what follows the {@code #}. */
  record Comment(int number, String text) implements CrontabLine {
    public Comment {
      Objects.requireNonNull(text, "text");
    }
  }

  /** {@code NAME=value}: sets a variable for the entries below it, as cron does. */
  record Variable(int number, String name, String value) implements CrontabLine {
    public Variable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A schedule line: {@code schedule} is the five fields joined by single spaces or one {@code @}
   * macro; {@code user} is the user column of a system crontab, else null; {@code command} is
   * everything after the schedule (and user), as cron reads it, before its {@code %} rule is
   * applied; {@code options} are cronie's {@code -n}-style prefixes.
   */
  record Entry(int number, String schedule, String user, String options, String command)
      implements CrontabLine {
    public Entry {
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(command, "command");
    }
  }

  /** A line cron would reject, with why. */
  record Invalid(int number, String text, String reason) implements CrontabLine {
    public Invalid {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
