package dev.hypernd.daemon;

import dev.hypernd.engine.TaskScheduler;
import dev.hypernd.engine.store.TaskStore;
import dev.hypernd.jobs.AlertSender;
import dev.hypernd.jobs.HookDispatcher;
import dev.hypernd.jobs.JobDefinitions;
import dev.hypernd.jobs.OutputListener;
import dev.hypernd.jobs.RunningCommands;
import dev.hypernd.jobs.config.JobFileLoader;
import dev.hypernd.jobs.shell.HookRunner;
import dev.hypernd.jobs.shell.OutputLimits;
import dev.hypernd.jobs.shell.ShellRunner;
import java.time.InstantSource;
import java.util.Objects;

/**
 * What a {@link Daemon} is made of. {@link #standard} wires the real ones; tests pass a scheduler
 * driven by hand and a recording {@link DaemonListener}.
 *
 * @param scheduler not started yet, with {@code store} as its store
 * @param commands shared with {@code definitions}, so shutdown can wait for killed commands
 * @param clock wall time for the status and reload outcomes
 * @param jobClassLoader the parent of each configuration's class loader
 * @param outputs holds tasks' output for {@code hypernctl logs}; it must get the output lines that
 *     {@code definitions} and {@code hooks} produce
 */
record DaemonParts(
    TaskScheduler scheduler,
    TaskStore store,
    JobFileLoader loader,
    JobDefinitions definitions,
    RunningCommands commands,
    HookDispatcher hooks,
    DaemonListener events,
    InstantSource clock,
    ClassLoader jobClassLoader,
    OutputJournal outputs) {

  DaemonParts {
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(loader, "loader");
    Objects.requireNonNull(definitions, "definitions");
    Objects.requireNonNull(commands, "commands");
    Objects.requireNonNull(hooks, "hooks");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(jobClassLoader, "jobClassLoader");
    Objects.requireNonNull(outputs, "outputs");
  }

  /**
   * The daemon's real parts around {@code store}: the system clock, a worker pool, a dispatch
   * thread, shell jobs and hooks with their default capture and kill settings, their output lines
   * logged through {@code events} and held for {@code hypernctl logs}, within the default limits.
   * {@code @Periodic} discovery is off: the job file is the one source of jobs, and a discovered
   * class could take a name the file uses.
   */
  static DaemonParts standard(TaskStore store, JobFileLoader loader, DaemonListener events) {
    RunningCommands commands = new RunningCommands();
    OutputJournal outputs = new OutputJournal();
    // The log first: a follower never sees a line the log does not have yet.
    OutputListener lines =
        event -> {
          events.onOutput(event);
          outputs.onOutput(event);
        };
    TaskScheduler scheduler =
        TaskScheduler.builder().store(store).periodicClassLoader(null).build();
    return new DaemonParts(
        scheduler,
        store,
        loader,
        new JobDefinitions(new ShellRunner(), commands, lines, OutputLimits.DEFAULTS),
        commands,
        new HookDispatcher(
            new HookRunner(),
            AlertSender.standard(Version.current()),
            lines,
            OutputLimits.DEFAULTS),
        events,
        InstantSource.system(),
        Daemon.class.getClassLoader(),
        outputs);
  }
}
