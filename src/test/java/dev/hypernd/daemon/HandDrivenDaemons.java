package dev.hypernd.daemon;

import dev.hypernd.engine.store.TaskStore;
import dev.hypernd.jobs.AlertSender;
import dev.hypernd.jobs.HookDispatcher;
import dev.hypernd.jobs.JobDefinitions;
import dev.hypernd.jobs.JobFiles;
import dev.hypernd.jobs.RunningCommands;
import dev.hypernd.jobs.config.JobFile;
import dev.hypernd.jobs.config.LoadResult;
import dev.hypernd.jobs.shell.HookRunner;
import dev.hypernd.jobs.shell.ShellRunner;
import dev.hypernd.testing.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@link Daemon} on a valid job file around a scheduler driven by hand: real shell jobs and
 * hooks, the hand's clock for status and reload times, a 5 s grace period. Not started.
 */
final class HandDrivenDaemons {
  private HandDrivenDaemons() {}

  /**
   * @param store the store {@code hand} was made with
   */
  static Daemon create(Path file, ManualScheduler hand, TaskStore store, DaemonListener events) {
    JobFile jobFile = ((LoadResult.Valid) JobFiles.loader().load(file)).jobFile();
    RunningCommands commands = new RunningCommands();
    DaemonParts parts =
        new DaemonParts(
            hand.scheduler(),
            store,
            JobFiles.loader(),
            new JobDefinitions(new ShellRunner(), commands),
            commands,
            new HookDispatcher(new HookRunner(), AlertSender.standard("test")),
            events,
            () -> hand.clock().now(),
            HandDrivenDaemons.class.getClassLoader(),
            new OutputJournal());
    return new Daemon(
        new DaemonSettings(file, Duration.ofSeconds(5), "memory", Optional.empty()),
        jobFile,
        parts);
  }
}
