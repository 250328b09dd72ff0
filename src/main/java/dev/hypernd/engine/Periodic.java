package dev.hypernd.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link PeriodicTask} to be registered when a scheduler starts. The class is found by
 * {@link java.util.ServiceLoader}: list it in {@code
 * META-INF/services/dev.hypernd.engine.PeriodicTask}. Give exactly one of {@link #everySeconds()}
 * and {@link #cron()}.
 *
 * <pre>{@code
 * @Periodic(everySeconds = 60)
 * public class Heartbeat implements PeriodicTask { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Periodic {
  /** The job name; the class's simple name when empty. */
  String name() default "";

  /** Fixed-rate interval in seconds; 0 when {@link #cron()} is used. */
  long everySeconds() default 0;

  /** A five-field cron expression; empty when {@link #everySeconds()} is used. */
  String cron() default "";

  /** The IANA zone of {@link #cron()}; the host's zone when empty. */
  String zone() default "";

  /** Retries after a failed attempt, with the default backoff. */
  int maxRetries() default 0;

  /** Each attempt's timeout in seconds; 0 for none. */
  long timeoutSeconds() default 0;
}
