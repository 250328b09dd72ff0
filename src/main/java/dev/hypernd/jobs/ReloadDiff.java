package dev.hypernd.jobs;

import dev.hypernd.jobs.config.ClassAction;
import dev.hypernd.jobs.config.JobConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a new job file differs from the running one, by job name (design §7). A job is unchanged when
 * its {@link JobConfig} is equal and, for a class job, its class loader is kept (same classpath,
 * same contents); unchanged jobs keep their next fire and running tasks. Names are in file order:
 * the new file's for added, changed and unchanged jobs, the old file's for removed ones.
 */
public record ReloadDiff(
    List<String> added, List<String> changed, List<String> removed, List<String> unchanged) {

  public ReloadDiff {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
    unchanged = List.copyOf(unchanged);
  }

  /** The first load: every job is added. */
  public static ReloadDiff initial(List<JobConfig> jobs) {
    return between(List.of(), jobs, false);
  }

  /**
   * @param classesReplaced whether the new configuration gets a new class loader, which changes
   *     every class job
   */
  public static ReloadDiff between(
      List<JobConfig> before, List<JobConfig> after, boolean classesReplaced) {
    Map<String, JobConfig> old = new HashMap<>();
    before.forEach(job -> old.put(job.name(), job));
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    Set<String> kept = new HashSet<>();
    for (JobConfig job : after) {
      JobConfig previous = old.get(job.name());
      if (previous == null) {
        added.add(job.name());
        continue;
      }
      kept.add(job.name());
      boolean sameClasses = !(classesReplaced && job.action() instanceof ClassAction);
      (previous.equals(job) && sameClasses ? unchanged : changed).add(job.name());
    }
    List<String> removed = new ArrayList<>();
    for (JobConfig job : before) {
      if (!kept.contains(job.name())) {
        removed.add(job.name());
      }
    }
    return new ReloadDiff(added, changed, removed, unchanged);
  }

  /** Jobs the engine must (re)define: added and changed ones. */
  public List<String> toDefine() {
    List<String> names = new ArrayList<>(added);
    names.addAll(changed);
    return names;
  }
}
