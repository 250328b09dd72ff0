package dev.hypernd.daemon;

import dev.hypernd.control.OutputLineView;
import dev.hypernd.daemon.control.OutputSource;
import dev.hypernd.engine.TaskEvent;
import dev.hypernd.engine.TaskEventListener;
import dev.hypernd.jobs.OutputEvent;
import dev.hypernd.jobs.OutputListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The output of recent tasks, held in memory for {@code hypernctl logs}, and the feed of new lines
 * for those who follow. It holds what the log got (the lines that passed the rate limit, and the
 * counts of those that did not), and only in bounded memory: per task the first {@link #HEAD_LINES}
 * and the last {@link #TAIL_LINES} lines with a count of those between, and at most {@link
 * #MAX_TASKS} tasks and {@link #MAX_CHARS} characters of lines in all, the tasks that started first
 * leaving first. It is lost when the daemon stops; the result's captured head and tail are what
 * lasts.
 *
 * <p>Thread-safe. Followers are told under the journal's lock, so that each gets every line once,
 * in order, after the lines held when it started; they must not block.
 */
final class OutputJournal implements OutputListener, TaskEventListener, OutputSource {
  static final int HEAD_LINES = 100;
  static final int TAIL_LINES = 900;
  static final int MAX_TASKS = 1000;
  static final long MAX_CHARS = 16L << 20;

  /** What a line costs besides its text, roughly: the view, its strings and the queue slot. */
  private static final int LINE_OVERHEAD = 200;

  private final Map<String, TaskLines> tasks = new LinkedHashMap<>();
  private final List<Follower> followers = new ArrayList<>();
  private long chars;

  private record Follower(Predicate<OutputLineView> wants, Consumer<OutputLineView> sink) {}

  /** The held output of one task. */
  private static final class TaskLines {
    final String job;
    final List<OutputLineView> head = new ArrayList<>();
    final ArrayDeque<OutputLineView> tail = new ArrayDeque<>();
    long omitted;
    long chars;
    boolean running;

    TaskLines(String job) {
      this.job = job;
    }

    /** Adds a line; the characters it freed by pushing an older one out, negated, or its own. */
    long add(OutputLineView line) {
      long added = cost(line);
      chars += added;
      if (head.size() < HEAD_LINES) {
        head.add(line);
        return added;
      }
      tail.add(line);
      if (tail.size() > TAIL_LINES) {
        long freed = cost(tail.removeFirst());
        omitted++;
        chars -= freed;
        return added - freed;
      }
      return added;
    }

    List<OutputLineView> lines() {
      List<OutputLineView> all = new ArrayList<>(head.size() + tail.size() + 1);
      all.addAll(head);
      if (omitted > 0) {
        all.add(OutputLineView.omitted(tail.getFirst(), omitted));
      }
      all.addAll(tail);
      return all;
    }
  }

  private static long cost(OutputLineView line) {
    return LINE_OVERHEAD + (line.line() == null ? 0 : line.line().length());
  }

  @Override
  public void onOutput(OutputEvent event) {
    OutputLineView line =
        new OutputLineView(
            event.taskId(),
            event.job(),
            event.attempt(),
            event.hook().orElse(null),
            event.stream().wireName(),
            event.at(),
            event.line().orElse(null),
            event.cutBytes(),
            event.suppressed(),
            0);
    synchronized (this) {
      chars += entry(event.taskId(), event.job()).add(line);
      evict();
      for (Follower follower : followers) {
        if (follower.wants().test(line)) {
          follower.sink().accept(line);
        }
      }
    }
  }

  /** Tracks which tasks run, so that following a job starts with its running tasks' lines. */
  @Override
  public void onEvent(TaskEvent event) {
    if (event.taskId() == null) {
      return;
    }
    synchronized (this) {
      switch (event.type()) {
        case STARTED -> {
          entry(event.taskId(), event.job()).running = true;
          evict();
        }
        case COMPLETED, ERROR, FAILED, CANCELLED -> {
          TaskLines task = tasks.get(event.taskId());
          if (task != null) {
            task.running = false;
          }
        }
        default -> {}
      }
    }
  }

  @Override
  public synchronized Optional<List<OutputLineView>> task(String taskId) {
    return Optional.ofNullable(tasks.get(taskId)).map(TaskLines::lines);
  }

  @Override
  public synchronized List<OutputLineView> job(String job, int limit) {
    ArrayDeque<OutputLineView> newest = new ArrayDeque<>();
    for (TaskLines task : tasks.values()) {
      if (task.job.equals(job)) {
        for (OutputLineView line : task.lines()) {
          newest.add(line);
          if (newest.size() > limit) {
            newest.removeFirst();
          }
        }
      }
    }
    return List.copyOf(newest);
  }

  @Override
  public synchronized Runnable followTask(String taskId, Consumer<OutputLineView> sink) {
    TaskLines task = tasks.get(taskId);
    if (task != null) {
      task.lines().forEach(sink);
    }
    return follow(new Follower(line -> line.taskId().equals(taskId), sink));
  }

  @Override
  public synchronized Runnable followJob(String job, Consumer<OutputLineView> sink) {
    for (TaskLines task : tasks.values()) {
      if (task.running && task.job.equals(job)) {
        task.lines().forEach(sink);
      }
    }
    return follow(new Follower(line -> line.job().equals(job), sink));
  }

  /** How many follow now; for tests that check nothing is leaked. */
  synchronized int followers() {
    return followers.size();
  }

  private Runnable follow(Follower follower) {
    followers.add(follower);
    return () -> {
      synchronized (this) {
        followers.remove(follower);
      }
    };
  }

  private TaskLines entry(String taskId, String job) {
    return tasks.computeIfAbsent(taskId, id -> new TaskLines(job));
  }

  /** The tasks that started first go first; the newest one always stays. */
  private void evict() {
    Iterator<TaskLines> oldest = tasks.values().iterator();
    while ((tasks.size() > MAX_TASKS || chars > MAX_CHARS) && tasks.size() > 1) {
      chars -= oldest.next().chars;
      oldest.remove();
    }
  }
}
