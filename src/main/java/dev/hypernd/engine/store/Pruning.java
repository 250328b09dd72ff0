package dev.hypernd.engine.store;

import dev.hypernd.engine.TaskResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which finished tasks a {@link Retention} drops; the rule every store applies. */
public final class Pruning {
  private Pruning() {}

  /**
   * The sequence numbers of the tasks among {@code finished} to delete: those beyond the newest
   * {@code maxPerJob} of their job, beyond the newest {@code maxTotal} overall, or that finished
   * before {@code now - maxAge}.
   */
  public static List<Long> select(
      Collection<TaskResult> finished, Retention retention, Instant now) {
    Instant cutoff = now.minus(retention.maxAge());
    List<TaskResult> newestFirst = new ArrayList<>(finished);
    newestFirst.sort(Comparator.comparingLong(TaskResult::sequenceNumber).reversed());
    Map<String, Integer> perJob = new HashMap<>();
    List<Long> doomed = new ArrayList<>();
    int rank = 0;
    for (TaskResult task : newestFirst) {
      rank++;
      int jobRank = perJob.merge(task.taskName(), 1, Integer::sum);
      boolean tooOld = task.finishedAt() != null && task.finishedAt().isBefore(cutoff);
      if (tooOld || jobRank > retention.maxPerJob() || rank > retention.maxTotal()) {
        doomed.add(task.sequenceNumber());
      }
    }
    return doomed;
  }
}
