package dev.hypernd.daemon.metrics;

import dev.hypernd.engine.JobInfo;
import dev.hypernd.engine.MetricsSnapshot;
import dev.hypernd.engine.TaskScheduler;
import java.util.LinkedHashMap;
import java.util.Map;

/** The engine's metrics of every current job, by job name, read at scrape time. */
final class JobSnapshots {
  private final TaskScheduler scheduler;

  JobSnapshots(TaskScheduler scheduler) {
    this.scheduler = scheduler;
  }

  Map<String, MetricsSnapshot> current() {
    Map<String, MetricsSnapshot> byJob = new LinkedHashMap<>();
    for (JobInfo job : scheduler.jobs()) {
      byJob.put(job.name(), scheduler.metrics(job.name()));
    }
    return byJob;
  }
}
