package dev.hypernd.jobs.shell;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what an {@link OutputSink} was given, as {@code stdout: text} or {@code stderr: -N}. */
final class RecordingSink implements OutputSink {
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<Long> cuts = new CopyOnWriteArrayList<>();

  @Override
  public void line(StdStream stream, String text, long cutBytes) {
    events.add(stream.wireName() + ": " + text);
    cuts.add(cutBytes);
  }

  @Override
  public void suppressed(StdStream stream, long count) {
    events.add(stream.wireName() + ": -" + count);
  }

  long lines() {
    return events.stream().filter(e -> !e.matches("std(out|err): -\\d+")).count();
  }

  long suppressed() {
    return events.stream()
        .filter(e -> e.matches("std(out|err): -\\d+"))
        .mapToLong(e -> Long.parseLong(e.substring(e.indexOf('-') + 1)))
        .sum();
  }
}
