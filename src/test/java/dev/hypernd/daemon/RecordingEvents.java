package dev.hypernd.daemon;

import dev.hypernd.engine.TaskEvent;
import dev.hypernd.jobs.OutputEvent;
import dev.hypernd.jobs.ReloadDiff;
import dev.hypernd.jobs.config.ConfigError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event as a short line, such as {@code config.loaded added=[a] initial=true}. */
final class RecordingEvents implements DaemonEvents {
  final List<String> lines = new CopyOnWriteArrayList<>();
  final List<TaskEvent> taskEvents = new CopyOnWriteArrayList<>();
  final List<OutputEvent> outputEvents = new CopyOnWriteArrayList<>();
  volatile List<ConfigError> lastErrors = List.of();

  @Override
  public void onEvent(TaskEvent event) {
    taskEvents.add(event);
    lines.add(event.type().eventName() + " " + event.job());
  }

  @Override
  public void onOutput(OutputEvent event) {
    outputEvents.add(event);
  }

  @Override
  public void configLoaded(Path file, int jobs, ReloadDiff diff, long durationMs, boolean initial) {
    lines.add(
        "config.loaded jobs="
            + jobs
            + " added="
            + diff.added()
            + " changed="
            + diff.changed()
            + " removed="
            + diff.removed()
            + " unchanged="
            + diff.unchanged()
            + " initial="
            + initial);
  }

  @Override
  public void configRejected(Path file, List<ConfigError> errors, long durationMs) {
    lastErrors = errors;
    lines.add("config.rejected errors=" + errors.size());
  }

  @Override
  public void daemonStarted(DaemonStatus status) {
    lines.add("daemon.started jobs=" + status.jobs());
  }

  @Override
  public void daemonStopping(String reason, Duration grace) {
    lines.add("daemon.stopping " + reason + " " + grace);
  }

  @Override
  public void daemonStopped(long durationMs, int killed) {
    lines.add("daemon.stopped killed=" + killed);
  }

  List<String> daemonLines() {
    return lines.stream().filter(line -> !line.startsWith("task.")).toList();
  }
}
