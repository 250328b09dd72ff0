package dev.hypernd.jobs.crontab;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Writes converted crontab entries as a commented job file. */
final class JobFileText {
  private static final String HEADER =
      """
      # What differs from cron, and what this file does about it:
      # - cron starts every fire even while the previous run of the same line is still running;
      #   "overlap: allow" keeps that (hypernd's own default is "skip").
      # - cron mails what a job prints; hypernd logs it and keeps it in the task's result
      #   (hypernctl result TASK_ID).
      # - cron runs a job with HOME, LOGNAME and USER of the crontab's owner and a PATH of its
      #   own unless the crontab sets one; hypernd runs it with the daemon's environment plus
      #   each job's env (the crontab's variables, below).
      # - "@reboot" lines are once jobs with at_start: they run once each time hypernd starts.
      """;

  private final String source;
  private final List<ImportedJob> jobs;
  private final List<String> notConverted;
  private final List<String> trailing;
  private final StringBuilder out = new StringBuilder();

  JobFileText(
      String source, List<ImportedJob> jobs, List<String> notConverted, List<String> trailing) {
    this.source = Objects.requireNonNull(source, "source");
    this.jobs = jobs;
    this.notConverted = notConverted;
    this.trailing = trailing;
  }

  String render() {
    out.append("# Converted from ").append(oneLine(source)).append(" by hypernd import crontab.\n");
    out.append(HEADER).append('\n');
    Map<String, String> sharedEnv = shared(jobs.stream().map(ImportedJob::env).toList());
    String sharedZone =
        shared(jobs.stream().filter(job -> job.cron() != null).map(ImportedJob::timezone).toList());
    out.append("defaults:\n  overlap: allow\n");
    if (sharedZone != null) {
      out.append("  timezone: ").append(quote(sharedZone)).append('\n');
    }
    if (sharedEnv != null && !sharedEnv.isEmpty()) {
      env("  ", sharedEnv);
    }
    out.append('\n');
    out.append(jobs.isEmpty() ? "jobs: []\n" : "jobs:\n");
    for (ImportedJob job : jobs) {
      job(job, sharedEnv == null, sharedZone == null);
    }
    comments("", notConverted);
    comments("", trailing);
    return out.toString();
  }

  private void job(ImportedJob job, boolean ownEnv, boolean ownZone) {
    comments("  ", job.comments());
    out.append("  # crontab line ").append(job.line()).append(": ");
    out.append(oneLine(job.original())).append('\n');
    out.append("  - name: ").append(quote(job.name())).append('\n');
    if (job.cron() == null) {
      out.append("    once: {at_start: true}\n");
    } else {
      out.append("    cron: ").append(quote(job.cron())).append('\n');
      if (ownZone && job.timezone() != null) {
        out.append("    timezone: ").append(quote(job.timezone())).append('\n');
      }
    }
    String text = job.command().shellText();
    if (job.shell() == null) {
      out.append("    command: ").append(quote(text)).append('\n');
    } else {
      out.append("    command: [").append(quote(job.shell())).append(", \"-c\", ");
      out.append(quote(text)).append("]\n");
    }
    if (ownEnv && !job.env().isEmpty()) {
      env("    ", job.env());
    }
  }

  private void env(String indent, Map<String, String> env) {
    out.append(indent).append("env:\n");
    env.forEach(
        (name, value) ->
            out.append(indent)
                .append("  ")
                .append(name)
                .append(": ")
                .append(quote(value))
                .append('\n'));
  }

  private void comments(String indent, List<String> lines) {
    for (String line : lines) {
      out.append(indent).append('#').append(oneLine(line)).append('\n');
    }
  }

  /** The one value all have in common, or null when they differ (or there are none). */
  private static <T> T shared(List<T> values) {
    if (values.isEmpty()) {
      return null;
    }
    T first = values.get(0);
    return values.stream().allMatch(value -> Objects.equals(value, first)) ? first : null;
  }

  /** A YAML double-quoted scalar: JSON's escapes are valid there and keep every byte. */
  static String quote(String value) {
    return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + '"';
  }

  private static String oneLine(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
