package dev.hypernd.engine;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds {@link Periodic} {@link PeriodicTask}s with {@link ServiceLoader} and defines jobs. */
final class PeriodicDiscovery {
  private final ClassLoader loader;

  /** {@code loader} null: discovery is off. */
  PeriodicDiscovery(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * @throws IllegalStateException naming the class when one cannot be loaded or is annotated
   *     wrongly, so a mistake surfaces at start instead of a job silently never running
   */
  List<JobDefinition> discover() {
    List<JobDefinition> jobs = new ArrayList<>();
    if (loader == null) {
      return jobs;
    }
    try {
      for (PeriodicTask task : ServiceLoader.load(PeriodicTask.class, loader)) {
        jobs.add(define(task));
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("cannot load a @Periodic task: " + e.getMessage(), e);
    }
    return jobs;
  }

  static JobDefinition define(PeriodicTask task) {
    Class<?> type = task.getClass();
    Periodic spec = type.getAnnotation(Periodic.class);
    if (spec == null) {
      throw new IllegalStateException(
          type.getName() + " is listed as a PeriodicTask but has no @Periodic annotation");
    }
    boolean hasInterval = spec.everySeconds() != 0;
    boolean hasCron = !spec.cron().isBlank();
    if (hasInterval == hasCron) {
      throw new IllegalStateException(
          "@Periodic on " + type.getName() + " must give exactly one of everySeconds and cron");
    }
    String name = spec.name().isEmpty() ? type.getSimpleName() : spec.name();
    JobSchedule schedule;
    try {
      schedule =
          hasInterval
              ? JobSchedule.every(Duration.ofSeconds(spec.everySeconds()))
              : JobSchedule.cron(spec.cron(), zone(spec));
      JobDefinition.Builder job =
          JobDefinition.builder(name, schedule, task)
              .retry(RetryPolicy.builder().maxRetries(spec.maxRetries()).build());
      if (spec.timeoutSeconds() > 0) {
        job.timeout(Duration.ofSeconds(spec.timeoutSeconds()));
      }
      return job.build();
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new IllegalStateException(
          "@Periodic on " + type.getName() + " is invalid: " + e.getMessage(), e);
    }
  }

  private static ZoneId zone(Periodic spec) {
    return spec.zone().isEmpty() ? ZoneId.systemDefault() : ZoneId.of(spec.zone());
  }
}
