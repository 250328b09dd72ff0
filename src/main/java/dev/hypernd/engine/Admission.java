package dev.hypernd.engine;

import java.util.List;

/**
 * Lets tasks in and out of their job under its {@link OverlapGate}: a task ready to run is run,
 * queued, dropped (SKIP) or run after cancelling the active ones (REPLACE); a task that ended frees
 * its place, which may start the next queued task. Tasks admitted before the scheduler starts wait
 * in the {@link TaskTable} until it does.
 */
final class Admission {
  private final Attempts attempts;
  private final TaskTable tasks;
  private final EngineMetrics metrics;
  private final JobRegistry registry;
  private final EngineClock clock;

  Admission(
      Attempts attempts,
      TaskTable tasks,
      EngineMetrics metrics,
      JobRegistry registry,
      EngineClock clock) {
    this.attempts = attempts;
    this.tasks = tasks;
    this.metrics = metrics;
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * Applies the task's overlap policy now. A fire or an immediate submission has checked SKIP under
   * the job's lock before creating the task, so only a delayed or resumed task can be skipped here:
   * it is then CANCELLED with error type {@code overlap}.
   */
  void admit(ActiveTask task, Effects fx) {
    OverlapPolicy policy = task.definition.overlap();
    if (policy == OverlapPolicy.ALLOW) {
      if (OverlapGate.enterActive(task)) {
        start(task, fx);
      }
      return;
    }
    ScheduledJob job = task.job;
    job.lock.lock();
    try {
      switch (OverlapGate.decide(job, policy)) {
        case RUN -> {
          if (OverlapGate.enterActive(task)) {
            start(task, fx);
          }
        }
        case QUEUE -> {
          OverlapGate.enterQueue(task);
          startIfPromoted(job, fx);
        }
        case SKIP -> skip(task, job.oldestActive(), fx);
        case REPLACE -> {
          for (ActiveTask earlier : OverlapGate.activeOldestFirst(job)) {
            attempts.cancel(earlier, new TaskError("replaced", "replaced by " + task.id), fx);
          }
          if (OverlapGate.enterActive(task)) {
            start(task, fx);
          }
        }
      }
    } finally {
      job.lock.unlock();
    }
  }

  /** A delayed (or resumed) PENDING task is due: the overlap policy decides what happens. */
  void onDelayedDue(ActiveTask task, Effects fx) {
    synchronized (task) {
      task.timer = null;
      if (task.state != TaskState.PENDING) {
        return;
      }
      task.nextAttemptAt = null;
    }
    admit(task, fx);
  }

  /**
   * Frees the places of the tasks that ended in {@code fx}: they leave the task table and their
   * job, whose next queued task may start, and a removed job is forgotten once idle.
   */
  void release(Effects fx) {
    for (List<ActiveTask> ended = fx.takeEnded(); !ended.isEmpty(); ended = fx.takeEnded()) {
      for (ActiveTask task : ended) {
        tasks.remove(task);
        ScheduledJob job = task.job;
        if (OverlapGate.leave(task)) {
          job.lock.lock();
          try {
            startIfPromoted(job, fx);
          } finally {
            job.lock.unlock();
          }
        }
        registry.forgetIfRetired(job);
      }
    }
  }

  /** Starts the task's first attempt, or keeps it until the scheduler starts. */
  void start(ActiveTask task, Effects fx) {
    if (!tasks.deferUntilStart(task)) {
      fx.start(attempts.handOut(task));
    }
  }

  private void startIfPromoted(ScheduledJob job, Effects fx) {
    ActiveTask next = OverlapGate.promote(job);
    if (next != null) {
      start(next, fx);
    }
  }

  private void skip(ActiveTask task, ActiveTask earlier, Effects fx) {
    TaskError why =
        new TaskError(
            "overlap",
            "skipped: " + (earlier == null ? "a task" : earlier.id) + " is still active");
    synchronized (task) {
      if (task.state.isFinished()) {
        return;
      }
      task.error = why;
      task.state = TaskState.CANCELLED;
      task.finishedAt = clock.now();
      task.cancelTimer();
      tasks.persist(task);
    }
    metrics.skipped(task.jobName());
    fx.event(TaskEvents.skipped(task.jobName(), task.id, task.scheduledAt, task.finishedAt, why));
    fx.ended(task);
  }
}
