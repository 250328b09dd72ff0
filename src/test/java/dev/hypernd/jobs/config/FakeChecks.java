package dev.hypernd.jobs.config;

import java.util.Optional;
import java.util.Set;

/** Stand-ins for the cron parser and the class check, which live in other layers. */
final class FakeChecks {
  private FakeChecks() {}

  static final CronCheck ANY_CRON = expression -> Optional.empty();

  /** Five fields or a macro, like the real parser's first check. */
  static final CronCheck FIVE_FIELDS =
      expression ->
          expression.startsWith("@") || expression.trim().split("\\s+").length == 5
              ? Optional.empty()
              : Optional.of("expected 5 fields, found " + expression.trim().split("\\s+").length);

  static ClassCheck classes(String... known) {
    Set<String> names = Set.of(known);
    return (className, classpath) ->
        names.contains(className)
            ? Optional.empty()
            : Optional.of("class " + className + " not found on the classpath");
  }

  static JobFileLoader loader() {
    return new JobFileLoader(FIVE_FIELDS, classes("com.example.Hello", "com.example.Report"));
  }
}
