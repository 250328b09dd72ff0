package dev.hypernd.jobs;

import dev.hypernd.engine.JobDefinition;
import dev.hypernd.engine.TaskScheduler;
import dev.hypernd.jobs.config.JobConfig;
import dev.hypernd.jobs.config.JobFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A job file as the engine runs it: the file, the class loader of its class jobs and one engine
 * definition per job. Immutable; a reload computes the next set and the {@link Change} that gets
 * the engine there in one step.
 */
public final class JobSet {
  private final JobFile file;
  private final JobClasses classes;
  private final Map<String, JobDefinition> definitions;

  private JobSet(JobFile file, JobClasses classes, Map<String, JobDefinition> definitions) {
    this.file = file;
    this.classes = classes;
    this.definitions = Collections.unmodifiableMap(definitions);
  }

  /**
   * The first configuration: every job is added.
   *
   * @param daemonClasses the daemon's class loader, parent of the file's classpath
   */
  public static Change first(JobFile file, JobDefinitions factory, ClassLoader daemonClasses) {
    JobClasses classes = JobClasses.open(file.classpath(), daemonClasses);
    return build(Map.of(), file, classes, ReloadDiff.initial(file.jobs()), factory);
  }

  /**
   * The change from this configuration to {@code file}. Unchanged jobs keep the definitions the
   * engine already has; added and changed ones get new definitions. Nothing is applied yet.
   *
   * @throws IllegalArgumentException if a job cannot be defined in the engine
   */
  public Change next(JobFile file, JobDefinitions factory) {
    JobClasses nextClasses = classes.reuseOrOpen(file.classpath());
    ReloadDiff diff = ReloadDiff.between(this.file.jobs(), file.jobs(), nextClasses != classes);
    return build(definitions, file, nextClasses, diff, factory);
  }

  private static Change build(
      Map<String, JobDefinition> current,
      JobFile file,
      JobClasses classes,
      ReloadDiff diff,
      JobDefinitions factory) {
    Map<String, JobDefinition> next = new LinkedHashMap<>();
    Set<String> unchanged = Set.copyOf(diff.unchanged());
    for (JobConfig job : file.jobs()) {
      JobDefinition kept = unchanged.contains(job.name()) ? current.get(job.name()) : null;
      next.put(job.name(), kept != null ? kept : factory.define(job, classes.loader()));
    }
    return new Change(new JobSet(file, classes, next), diff);
  }

  public JobFile file() {
    return file;
  }

  public JobClasses classes() {
    return classes;
  }

  /** The engine definition of each job, in file order. */
  public Map<String, JobDefinition> definitions() {
    return definitions;
  }

  /** A computed reload: the configuration to run next and how it differs from the current one. */
  public record Change(JobSet next, ReloadDiff diff) {
    public Change {
      Objects.requireNonNull(next, "next");
      Objects.requireNonNull(diff, "diff");
    }

    /**
     * Applies the change in one atomic engine update: removed jobs fire no more (their running
     * tasks finish), added and changed jobs are (re)scheduled from now, the others are untouched.
     */
    public void applyTo(TaskScheduler scheduler) {
      List<JobDefinition> upserts = new ArrayList<>();
      for (String name : diff.toDefine()) {
        upserts.add(next.definitions().get(name));
      }
      scheduler.updateJobs(diff.removed(), upserts);
    }
  }
}
