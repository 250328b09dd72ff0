package dev.hypernd.control;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A reload as {@code status} (its {@code last_reload}) and {@code reload} report it.
 *
 * @param at when it was attempted
 * @param accepted whether the new job file is now in force; when false the old one still is
 * @param errors why the new file was rejected, one message per problem ({@code file:line:col ...})
 * @param summary what changed, for people (for example {@code 4 jobs: 1 added, 1 changed})
 */
public record ReloadView(Instant at, boolean accepted, List<String> errors, String summary) {
  public ReloadView {
    Objects.requireNonNull(at, "at");
    errors = List.copyOf(errors);
    summary = summary == null ? "" : summary;
    if (accepted && !errors.isEmpty()) {
      throw new IllegalArgumentException("an accepted reload has no errors: " + errors);
    }
  }

  public static ReloadView accepted(Instant at, String summary) {
    return new ReloadView(at, true, List.of(), summary);
  }

  public static ReloadView rejected(Instant at, List<String> errors) {
    return new ReloadView(at, false, errors, errors.size() + " error(s)");
  }
}
