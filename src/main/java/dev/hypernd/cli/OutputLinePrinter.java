package dev.hypernd.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Output lines of {@code logs} for people: each line as the job wrote it, after a prefix naming its
 * task when several tasks' lines mix, its attempt after the first and its hook; the lines that are
 * not there are dim markers that say why. Remembers the last attempt printed, for a heading when a
 * task's lines move on to a retry.
 */
final class OutputLinePrinter {
  private String lastTask;
  private int lastAttempt = 1;

  /**
   * @param withTask whether to name the task on each line ({@code --job}); else a heading marks
   *     each new attempt
   */
  void print(JsonNode line, boolean withTask, Printer p) {
    if (line.has("dropped")) {
      p.line(marker(line.get("dropped").asLong() + " lines missed: hypernctl read too slowly", p));
      return;
    }
    String taskId = line.path("task_id").asText();
    int attempt = line.path("attempt").asInt(1);
    if (!withTask && (attempt != lastAttempt || !taskId.equals(lastTask)) && attempt > 1) {
      p.line(p.style.paint("-- attempt " + attempt + " --", Style.DIM));
    }
    lastTask = taskId;
    lastAttempt = attempt;
    StringBuilder prefix = new StringBuilder();
    if (withTask) {
      prefix.append(taskId);
      if (attempt > 1) {
        prefix.append(" attempt ").append(attempt);
      }
    }
    if (line.hasNonNull("hook")) {
      prefix.append(prefix.length() == 0 ? "" : " ").append(line.get("hook").asText());
    }
    String lead = prefix.length() == 0 ? "" : p.style.paint(prefix + ":", Style.CYAN) + " ";
    p.line(lead + text(line, p));
  }

  private static String text(JsonNode line, Printer p) {
    if (line.has("line")) {
      String text = line.get("line").asText();
      return "stderr".equals(line.path("stream").asText())
          ? p.style.paint(text, Style.YELLOW)
          : text;
    }
    String stream = line.path("stream").asText();
    if (line.has("suppressed")) {
      return marker(
          line.get("suppressed").asLong() + " " + stream + " lines not logged (rate limit)", p);
    }
    return marker(line.path("omitted").asLong() + " lines no longer held", p);
  }

  private static String marker(String text, Printer p) {
    return p.style.paint("-- " + text + " --", Style.DIM);
  }
}
