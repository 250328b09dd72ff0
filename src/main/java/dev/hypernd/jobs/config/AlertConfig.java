package dev.hypernd.jobs.config;

import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A job's {@code alert:} block: where to tell someone about a task's outcome, without a script.
 *
 * @param webhook an http or https URL that gets the event JSON in a POST
 * @param headers extra request headers; {@code ${NAME}} in a value stands for the daemon's
 *     environment variable NAME, so a token need not be written in the file
 * @param mail an address that gets a mail through the host's {@code sendmail}, as cron's MAILTO
 * @param on the outcomes that send it
 */
public record AlertConfig(
    Optional<URI> webhook, Map<String, String> headers, Optional<String> mail, Set<AlertOn> on) {
  /** Sent when nothing else is said: a task that failed for good is what needs a person. */
  public static final Set<AlertOn> DEFAULT_ON = Set.of(AlertOn.FAILURE);

  public AlertConfig {
    Objects.requireNonNull(webhook, "webhook");
    Objects.requireNonNull(mail, "mail");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    on = on.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(on));
  }
}
