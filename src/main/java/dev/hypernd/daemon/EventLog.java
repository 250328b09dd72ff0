package dev.hypernd.daemon;

import dev.hypernd.engine.TaskEvent;
import dev.hypernd.jobs.OutputEvent;
import dev.hypernd.jobs.ReloadDiff;
import dev.hypernd.jobs.TaskEventFields;
import dev.hypernd.jobs.config.ConfigError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Writes every step of the daemon ({@link DaemonListener}) as one log line through the {@code
 * hypernd.events} logger, its fields attached as {@link EventFields}: with {@code --log-format
 * json} each line is a JSON object with {@code @timestamp}, {@code level}, {@code event} and the
 * event's fields.
 *
 * <p>{@code task.skipped} is rate-limited per job and reason: one line a minute, the next one
 * carrying {@code suppressed} (how many were left out). Metrics still count every skip. The output
 * lines of {@code task.output} and {@code hook.output} come rate-limited from the jobs layer.
 */
final class EventLog implements DaemonListener {
  static final String LOGGER = "hypernd.events";
  static final Duration SKIP_WINDOW = Duration.ofMinutes(1);
  private static final int MAX_RESULT_CHARS = 1000;

  private final Logger log = LoggerFactory.getLogger(LOGGER);
  private final RepeatLimiter skips;

  EventLog(RepeatLimiter skips) {
    this.skips = skips;
  }

  /** With the one-minute window on the monotonic clock. */
  EventLog() {
    this(new RepeatLimiter(SKIP_WINDOW, System::nanoTime));
  }

  @Override
  public void onEvent(TaskEvent event) {
    Map<String, Object> fields = TaskEventFields.of(event, MAX_RESULT_CHARS);
    if (event.type() == TaskEvent.Type.SKIPPED) {
      long dropped = skips.admit(event.job() + '\0' + fields.get("error_type"));
      if (dropped == RepeatLimiter.DROP) {
        return;
      }
      if (dropped > 0) {
        fields.put("suppressed", dropped);
      }
    }
    Level level = Level.valueOf(TaskEventFields.level(event));
    String summary =
        event.type().eventName()
            + ' '
            + event.job()
            + (event.taskId() == null ? "" : " " + event.taskId())
            + (fields.containsKey("error") ? ": " + fields.get("error") : "");
    write(level, fields, summary);
  }

  @Override
  public void onOutput(OutputEvent event) {
    Map<String, Object> fields = TaskEventFields.of(event);
    String what =
        event.line().orElseGet(() -> event.suppressed() + " lines suppressed by the rate limit");
    write(
        Level.valueOf(TaskEventFields.level(event)),
        fields,
        event.source().eventName()
            + ' '
            + event.job()
            + ' '
            + event.taskId()
            + event.hook().map(hook -> ' ' + hook).orElse("")
            + ' '
            + event.stream().wireName()
            + ": "
            + what);
  }

  @Override
  public void loaded(ReloadOutcome outcome) {
    if (outcome instanceof ReloadOutcome.Loaded loaded) {
      configLoaded(loaded);
    } else {
      configRejected(outcome);
    }
  }

  private void configLoaded(ReloadOutcome.Loaded loaded) {
    Path file = loaded.file();
    ReloadDiff diff = loaded.diff();
    int jobs = loaded.jobs();
    Map<String, Object> fields = event("config.loaded");
    fields.put("file", file.toString());
    fields.put("initial", loaded.initial());
    fields.put("jobs", jobs);
    fields.put("added", diff.added().size());
    fields.put("changed", diff.changed().size());
    fields.put("removed", diff.removed().size());
    fields.put("unchanged", diff.unchanged().size());
    fields.put("added_jobs", diff.added());
    fields.put("changed_jobs", diff.changed());
    fields.put("removed_jobs", diff.removed());
    fields.put("duration_ms", loaded.durationMs());
    write(
        Level.INFO,
        fields,
        String.format(
            "config.loaded %s: %d jobs (%d added, %d changed, %d removed, %d unchanged)",
            file,
            jobs,
            diff.added().size(),
            diff.changed().size(),
            diff.removed().size(),
            diff.unchanged().size()));
  }

  private void configRejected(ReloadOutcome rejected) {
    Path file = rejected.file();
    List<ConfigError> errors = rejected.errors();
    Map<String, Object> fields = event("config.rejected");
    fields.put("file", file.toString());
    fields.put(
        "error", errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
    List<Map<String, Object>> each = new ArrayList<>();
    for (ConfigError error : errors) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("line", error.line());
      one.put("column", error.column());
      one.put("key_path", error.keyPath());
      one.put("message", error.message());
      each.add(one);
    }
    fields.put("errors", each);
    fields.put("duration_ms", rejected.durationMs());
    write(
        Level.ERROR,
        fields,
        "config.rejected "
            + file
            + ": "
            + errors.size()
            + (errors.size() == 1 ? " error" : " errors")
            + "; the running configuration stays");
  }

  @Override
  public void started(DaemonStatus status) {
    Map<String, Object> fields = event("daemon.started");
    fields.put("version", status.version());
    fields.put("pid", status.pid());
    fields.put("file", status.configFile().toString());
    fields.put("jobs", status.jobs());
    fields.put("store", status.store());
    status.socket().ifPresent(socket -> fields.put("socket", socket.toString()));
    write(
        Level.INFO,
        fields,
        "daemon.started hypernd " + status.version() + " (pid " + status.pid() + ")");
  }

  @Override
  public void stopping(String reason, Duration grace) {
    Map<String, Object> fields = event("daemon.stopping");
    fields.put("reason", reason);
    fields.put("grace_ms", grace.toMillis());
    write(
        Level.INFO,
        fields,
        "daemon.stopping on " + reason + "; running tasks get " + grace.toMillis() + " ms");
  }

  @Override
  public void stopped(long durationMs, int killed) {
    Map<String, Object> fields = event("daemon.stopped");
    fields.put("duration_ms", durationMs);
    fields.put("killed", killed);
    write(Level.INFO, fields, "daemon.stopped after " + durationMs + " ms");
  }

  private static Map<String, Object> event(String name) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("event", name);
    return fields;
  }

  private void write(Level level, Map<String, Object> fields, String message) {
    log.atLevel(level).addMarker(EventFields.of(fields)).log(message);
  }
}
