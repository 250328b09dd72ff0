package dev.hypernd.jobs.config;

import dev.hypernd.engine.OverlapPolicy;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Reads the settings that the defaults block and jobs share, reporting errors at the value. */
final class Values {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final List<String> OVERLAPS =
      Arrays.stream(OverlapPolicy.values()).map(Values::yamlName).toList();
  private static final List<String> OUTPUT_MODES =
      Arrays.stream(OutputMode.values()).map(OutputMode::yamlName).toList();

  private Values() {}

  /** How a job file spells an overlap policy: {@code skip}, {@code allow}, ... */
  static String yamlName(OverlapPolicy policy) {
    return policy.name().toLowerCase(Locale.ROOT);
  }

  /** A duration greater than zero, for intervals, timeouts and backoffs. */
  static Optional<Duration> positiveDuration(Cursor value) {
    return value.checked(
        value.duration(), duration -> !duration.isZero(), "expected a duration greater than zero");
  }

  static Optional<ZoneId> zone(Cursor value) {
    return value
        .text("expected a time zone such as Europe/Berlin or UTC")
        .flatMap(
            name -> {
              try {
                return Optional.of(ZoneId.of(name));
              } catch (DateTimeException e) {
                String hint = Suggestions.didYouMean(name, ZoneId.getAvailableZoneIds());
                value.error(
                    "unknown time zone \""
                        + name
                        + "\""
                        + (hint.isEmpty()
                            ? "; expected an IANA zone name such as Europe/Berlin or UTC"
                            : hint));
                return Optional.empty();
              }
            });
  }

  static Optional<OverlapPolicy> overlap(Cursor value) {
    return value
        .text("expected one of " + String.join(", ", OVERLAPS))
        .flatMap(
            text -> {
              int index = OVERLAPS.indexOf(text);
              if (index >= 0) {
                return Optional.of(OverlapPolicy.values()[index]);
              }
              value.error(
                  "unknown overlap policy \""
                      + text
                      + "\""
                      + Suggestions.didYouMean(text, OVERLAPS)
                      + " (valid: "
                      + String.join(", ", OVERLAPS)
                      + ")");
              return Optional.empty();
            });
  }

  static Optional<OutputMode> outputMode(Cursor value) {
    return value
        .text("expected one of " + String.join(", ", OUTPUT_MODES))
        .flatMap(
            text -> {
              int index = OUTPUT_MODES.indexOf(text);
              if (index >= 0) {
                return Optional.of(OutputMode.values()[index]);
              }
              value.error(
                  "unknown output mode \""
                      + text
                      + "\""
                      + Suggestions.didYouMean(text, OUTPUT_MODES)
                      + " (valid: "
                      + String.join(", ", OUTPUT_MODES)
                      + ")");
              return Optional.empty();
            });
  }

  /** {@code HOST:PORT}, as {@code hypernd run --metrics-listen} takes it. */
  static Optional<ListenAddress> listenAddress(Cursor value) {
    String expected =
        "expected HOST:PORT such as 127.0.0.1:9464, localhost:9464 or \"[::1]:9464\" (port 0 to"
            + " 65535)";
    if (!(value.node() instanceof ScalarNode scalar) || !Tag.STR.equals(scalar.getTag())) {
      value.mismatch(expected);
      return Optional.empty();
    }
    try {
      return Optional.of(ListenAddress.parse(scalar.getValue()));
    } catch (IllegalArgumentException e) {
      value.mismatch(expected);
      return Optional.empty();
    }
  }

  /** Variable names as POSIX shells accept them; values are any scalar, as written. */
  static Optional<Map<String, String>> env(Cursor value) {
    Optional<Fields> mapping = value.anyMapping("expected a mapping of variable names to values");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Fields fields = mapping.get();
    int before = value.errors().count();
    Map<String, String> env = new LinkedHashMap<>();
    fields
        .all()
        .forEach(
            (name, entry) -> {
              if (!ENV_NAME.matcher(name).matches()) {
                fields
                    .atKey(name)
                    .error(
                        "\""
                            + name
                            + "\" is not a variable name: use letters, digits and '_', not"
                            + " starting with a digit");
              }
              entry
                  .text("expected a string (use \"\" for an empty value)")
                  .ifPresent(v -> env.put(name, v));
            });
    return value.errors().count() == before ? Optional.of(env) : Optional.empty();
  }
}
