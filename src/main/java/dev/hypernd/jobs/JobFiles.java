package dev.hypernd.jobs;

import dev.hypernd.cron.CronExpression;
import dev.hypernd.cron.CronParseException;
import dev.hypernd.engine.TaskAction;
import dev.hypernd.jobs.config.ClasspathClassCheck;
import dev.hypernd.jobs.config.JobFileLoader;
import java.util.Optional;
import java.util.Set;

/** The job-file loader wired with the real cron parser and class check. */
public final class JobFiles {
  private JobFiles() {}

  /** The loader that {@code validate}, {@code run} and reload all use, so they always agree. */
  public static JobFileLoader loader() {
    return new JobFileLoader(
        JobFiles::checkCron, new ClasspathClassCheck(Set.of(TaskAction.class.getName())));
  }

  private static Optional<String> checkCron(String expression) {
    try {
      CronExpression.parse(expression);
      return Optional.empty();
    } catch (CronParseException e) {
      return Optional.of(e.getMessage());
    }
  }
}
