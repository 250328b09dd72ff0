package dev.hypernd.daemon.control;

import dev.hypernd.control.OutputLineView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** An {@link OutputSource} whose held lines and new lines the test gives by hand. */
final class FeedSource implements OutputSource {
  final Map<String, List<OutputLineView>> held = new ConcurrentHashMap<>();
  private final List<Follower> followers = new CopyOnWriteArrayList<>();

  private record Follower(Predicate<OutputLineView> wants, Consumer<OutputLineView> sink) {}

  static OutputLineView line(String taskId, String job, String text) {
    return new OutputLineView(
        taskId, job, 1, null, "stdout", Instant.parse("2026-01-05T10:00:00Z"), text, 0, 0, 0);
  }

  /** Gives {@code line} to every follower that wants it, on the calling thread. */
  void push(OutputLineView line) {
    for (Follower follower : followers) {
      if (follower.wants().test(line)) {
        follower.sink().accept(line);
      }
    }
  }

  int followers() {
    return followers.size();
  }

  @Override
  public Optional<List<OutputLineView>> task(String taskId) {
    return Optional.ofNullable(held.get(taskId));
  }

  @Override
  public List<OutputLineView> job(String job, int limit) {
    List<OutputLineView> lines = new ArrayList<>();
    held.values().forEach(l -> l.stream().filter(v -> v.job().equals(job)).forEach(lines::add));
    return lines.subList(Math.max(0, lines.size() - limit), lines.size());
  }

  @Override
  public Runnable followTask(String taskId, Consumer<OutputLineView> sink) {
    held.getOrDefault(taskId, List.of()).forEach(sink);
    return follow(new Follower(l -> l.taskId().equals(taskId), sink));
  }

  @Override
  public Runnable followJob(String job, Consumer<OutputLineView> sink) {
    return follow(new Follower(l -> l.job().equals(job), sink));
  }

  private Runnable follow(Follower follower) {
    followers.add(follower);
    return () -> followers.remove(follower);
  }
}
