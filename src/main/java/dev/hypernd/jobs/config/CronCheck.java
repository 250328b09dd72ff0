package dev.hypernd.jobs.config;

import java.util.Optional;

/** Checks a cron expression with the real cron parser, which the config layer does not know. */
@FunctionalInterface
public interface CronCheck {
  /**
   * @return empty if the expression is valid, else the parser's message
   */
  Optional<String> check(String expression);
}
