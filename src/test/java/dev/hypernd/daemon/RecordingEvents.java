package dev.hypernd.daemon;

import dev.hypernd.engine.TaskEvent;
import dev.hypernd.jobs.OutputEvent;
import dev.hypernd.jobs.ReloadDiff;
import dev.hypernd.jobs.config.ConfigError;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event as a short line, such as {@code config.loaded added=[a] initial=true}. */
final class RecordingEvents implements DaemonListener {
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
  public void reloading() {
    lines.add("reloading");
  }

  @Override
  public void loaded(ReloadOutcome outcome) {
    if (outcome instanceof ReloadOutcome.Loaded loaded) {
      ReloadDiff diff = loaded.diff();
      lines.add(
          "config.loaded jobs="
              + loaded.jobs()
              + " added="
              + diff.added()
              + " changed="
              + diff.changed()
              + " removed="
              + diff.removed()
              + " unchanged="
              + diff.unchanged()
              + " initial="
              + loaded.initial());
    } else {
      lastErrors = outcome.errors();
      lines.add("config.rejected errors=" + outcome.errors().size());
    }
  }

  @Override
  public void started(DaemonStatus status) {
    lines.add("daemon.started jobs=" + status.jobs());
  }

  @Override
  public void stopping(String reason, Duration grace) {
    lines.add("daemon.stopping " + reason + " " + grace);
  }

  @Override
  public void stopped(long durationMs, int killed) {
    lines.add("daemon.stopped killed=" + killed);
  }

  List<String> daemonLines() {
    return lines.stream().filter(line -> !line.startsWith("task.")).toList();
  }
}
