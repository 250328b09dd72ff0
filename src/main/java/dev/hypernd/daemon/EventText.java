package dev.hypernd.daemon;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one structured event says in {@code --log-format text}, after the time: the job, the task
 * and what happened, in words, such as {@code backup sched-12 failed exit 3 in 2.5s: disk full,
 * retry in 1s}. The JSON line keeps every field; this keeps what a person watching a terminal
 * needs: no class names, no nanoseconds, durations as {@code 2.5s}, times as the local time of day.
 */
final class EventText {
  private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

  /** A lateness below this is the dispatcher's ordinary delay, not worth a word. */
  private static final long NOTABLE_LATENESS_MS = 1000;

  /** Fields an unknown event's line does not repeat as {@code key=value}. */
  private static final Set<String> NAMED = Set.of("event", "job", "task_id");

  /** Fields an output line shows in its own way. */
  private static final Set<String> OUTPUT_FIELDS =
      Set.of("event", "job", "task_id", "attempt", "stream", "line", "hook");

  private final ZoneId zone;

  EventText(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * The words of an event, or {@code null} for one that text mode leaves out: {@code
   * task.scheduled} for a task due at once, whose {@code started} line follows.
   *
   * @param at when the event was logged
   */
  String describe(Map<String, Object> fields, Instant at) {
    String event = String.valueOf(fields.get("event"));
    return switch (event) {
      case "task.scheduled" -> scheduled(fields, at);
      case "task.started" -> task(fields) + " started" + started(fields);
      case "task.completed" ->
          task(fields) + attempt(fields, " ") + "completed in " + duration(fields);
      case "task.error" -> task(fields) + error(fields);
      case "task.failed" -> task(fields) + failed(fields);
      case "task.cancelled" -> task(fields) + cancelled(fields);
      case "task.skipped" -> task(fields) + skipped(fields);
      case "task.output", "hook.output" -> output(fields);
      case "config.loaded" -> configLoaded(fields);
      case "config.rejected" -> configRejected(fields);
      case "daemon.started" -> daemonStarted(fields);
      case "daemon.stopping" ->
          "stopping on "
              + fields.get("reason")
              + "; running tasks get "
              + millis(fields, "grace_ms");
      case "daemon.stopped" -> daemonStopped(fields);
      default -> unknown(event, fields);
    };
  }

  /** {@code JOB ID}, or {@code JOB} for an event of no task (a missed fire). */
  private static String task(Map<String, Object> fields) {
    Object id = fields.get("task_id");
    return fields.get("job") + (id == null ? "" : " " + id);
  }

  /** {@code attempt N} plus {@code tail} for attempts after the first; empty for the first. */
  private static String attempt(Map<String, Object> fields, String tail) {
    long attempt = number(fields, "attempt");
    return attempt > 1 ? " attempt " + attempt + tail : tail;
  }

  private String scheduled(Map<String, Object> fields, Instant at) {
    Object due = fields.get("scheduled_at");
    if (due == null || !Instant.parse(due.toString()).isAfter(at.plusSeconds(1))) {
      return null;
    }
    String args = fields.containsKey("args") ? " with " + words(fields.get("args")) : "";
    return task(fields) + " scheduled for " + timeOfDay(Instant.parse(due.toString())) + args;
  }

  private static String started(Map<String, Object> fields) {
    String text = " (attempt " + number(fields, "attempt") + ")";
    Object lateness = fields.get("lateness_ms");
    if (lateness instanceof Number late && late.doubleValue() >= NOTABLE_LATENESS_MS) {
      text += ", " + DurationWords.of(Duration.ofMillis(late.longValue())) + " late";
    }
    return text;
  }

  private static String error(Map<String, Object> fields) {
    ShortError error = ShortError.of(fields);
    StringBuilder text =
        new StringBuilder(attempt(fields, ""))
            .append(" failed ")
            .append(error.label())
            .append(" in ")
            .append(duration(fields));
    if (!error.detail().isEmpty()) {
      text.append(": ").append(error.detail());
    }
    if (Boolean.TRUE.equals(fields.get("will_retry"))) {
      text.append(", retry in ").append(millis(fields, "retry_in_ms"));
    }
    return text.toString();
  }

  private static String failed(Map<String, Object> fields) {
    long attempts = number(fields, "attempt");
    return " FAILED after "
        + attempts
        + (attempts == 1 ? " attempt: " : " attempts: ")
        + ShortError.of(fields).label();
  }

  private static String cancelled(Map<String, Object> fields) {
    String why = String.valueOf(fields.getOrDefault("error", ""));
    return why.startsWith("cancelled") ? " " + why : " cancelled: " + why;
  }

  private static String skipped(Map<String, Object> fields) {
    String why = String.valueOf(fields.getOrDefault("error", ""));
    String text = " skipped: " + (why.startsWith("skipped: ") ? why.substring(9) : why);
    Object suppressed = fields.get("suppressed");
    return suppressed == null ? text : text + " (" + suppressed + " more like it not shown)";
  }

  /**
   * A line a job or hook wrote: {@code JOB ID | line} for stdout, {@code JOB ID ! line} for stderr,
   * with the hook's name after the id for a hook's line, and any further field (such as a count of
   * lines left out) as {@code key=value} after the line.
   */
  private static String output(Map<String, Object> fields) {
    StringBuilder text = new StringBuilder(task(fields));
    if (fields.containsKey("hook")) {
      text.append(' ').append(fields.get("hook"));
    }
    text.append("stderr".equals(fields.get("stream")) ? " ! " : " | ");
    text.append(fields.getOrDefault("line", ""));
    fields.forEach(
        (key, value) -> {
          if (!OUTPUT_FIELDS.contains(key)) {
            text.append(' ').append(key).append('=').append(TextLayout.quoted(value));
          }
        });
    return text.toString();
  }

  private static String configLoaded(Map<String, Object> fields) {
    long jobs = number(fields, "jobs");
    String text =
        (Boolean.TRUE.equals(fields.get("initial")) ? "loaded " : "reloaded ")
            + fields.get("file")
            + ": "
            + jobs
            + (jobs == 1 ? " job" : " jobs");
    if (Boolean.TRUE.equals(fields.get("initial"))) {
      return text;
    }
    StringBuilder changes = new StringBuilder();
    for (String kind : List.of("added", "changed", "removed")) {
      Object names = fields.get(kind + "_jobs");
      if (names instanceof List<?> list && !list.isEmpty()) {
        changes.append("; ").append(kind).append(' ').append(words(list).replace(" ", ", "));
      }
    }
    return text + (changes.length() == 0 ? "; nothing changed" : changes);
  }

  /** The summary, then each error on a line of its own: file, line, column, key and message. */
  private static String configRejected(Map<String, Object> fields) {
    Object errors = fields.get("errors");
    int count = errors instanceof List<?> list ? list.size() : 1;
    return "rejected "
        + fields.get("file")
        + " ("
        + count
        + (count == 1 ? " error" : " errors")
        + "); the running jobs stay as they were:\n    "
        + String.valueOf(fields.get("error")).replace("\n", "\n    ");
  }

  private static String daemonStarted(Map<String, Object> fields) {
    long jobs = number(fields, "jobs");
    StringBuilder text =
        new StringBuilder("hypernd ")
            .append(fields.get("version"))
            .append(" started (pid ")
            .append(fields.get("pid"))
            .append("): ")
            .append(jobs)
            .append(jobs == 1 ? " job from " : " jobs from ")
            .append(fields.get("file"));
    if (fields.containsKey("socket")) {
      text.append(", socket ").append(fields.get("socket"));
    }
    return text.append(", state ").append(fields.get("store")).toString();
  }

  private static String daemonStopped(Map<String, Object> fields) {
    long killed = number(fields, "killed");
    return "stopped after "
        + millis(fields, "duration_ms")
        + (killed == 0
            ? ""
            : killed == 1 ? "; 1 task was killed" : "; " + killed + " tasks killed");
  }

  /** An event this class has no words for: its name, job and task, then its other fields. */
  private static String unknown(String event, Map<String, Object> fields) {
    StringBuilder text = new StringBuilder(event);
    if (fields.containsKey("job")) {
      text.append(' ').append(task(fields));
    }
    fields.forEach(
        (key, value) -> {
          if (!NAMED.contains(key)) {
            text.append(' ').append(key).append('=').append(TextLayout.quoted(value));
          }
        });
    return text.toString();
  }

  private String timeOfDay(Instant at) {
    return TIME_OF_DAY.format(at.atZone(zone));
  }

  private static String duration(Map<String, Object> fields) {
    return millis(fields, "duration_ms");
  }

  private static String millis(Map<String, Object> fields, String key) {
    return DurationWords.of(Duration.ofMillis(number(fields, key)));
  }

  private static long number(Map<String, Object> fields, String key) {
    return fields.get(key) instanceof Number n ? n.longValue() : 0;
  }

  private static String words(Object list) {
    if (list instanceof List<?> items) {
      return String.join(" ", items.stream().map(String::valueOf).toList());
    }
    return String.valueOf(list);
  }
}
