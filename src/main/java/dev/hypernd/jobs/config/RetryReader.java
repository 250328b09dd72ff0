package dev.hypernd.jobs.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads {@code retry:} blocks. A job's block overrides the defaults' block key by key; a {@code
 * retry_on} list is one key, so a job's list replaces the default list rather than adding to it.
 */
final class RetryReader {
  static final List<String> KEYS =
      List.of("max_retries", "backoff", "backoff_factor", "max_delay", "retry_on");

  private static final String BLOCK_EXPECTED =
      "expected a mapping such as {max_retries: 3, backoff: 5s}";
  private static final String ENTRY_EXPECTED =
      "expected an exit status 1–255, timeout, or an exception class name";
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private RetryReader() {}

  /** The defaults' block; its {@code retry_on} may mix kinds since it serves every job. */
  static RetryBlock readDefaults(Cursor value) {
    Optional<Fields> fields = value.mapping(BLOCK_EXPECTED, KEYS);
    if (fields.isEmpty()) {
      return RetryBlock.EMPTY;
    }
    int before = value.errors().count();
    RetryBlock block = readBlock(fields.get(), Optional.empty());
    if (value.errors().count() == before) {
      checkDelays(block, RetryBlock.EMPTY, fields.get());
    }
    return block;
  }

  /**
   * The effective policy of a job.
   *
   * @param block the job's own {@code retry:} block, if it has one
   * @param action the job's action when it is known, to check {@code retry_on} against it
   * @param job the job, for errors about what it inherits
   */
  static Optional<RetryConfig> readJob(
      Optional<Cursor> block, RetryBlock defaults, Optional<Action> action, Cursor job) {
    int before = job.errors().count();
    RetryBlock own = RetryBlock.EMPTY;
    boolean ownRetryOn = false;
    if (block.isPresent()) {
      Optional<Fields> fields = block.get().mapping(BLOCK_EXPECTED, KEYS);
      if (fields.isEmpty()) {
        return Optional.empty();
      }
      own = readBlock(fields.get(), action);
      ownRetryOn = fields.get().has("retry_on");
      // Compare delays only once both read cleanly, or a typo would also report a conflict.
      if (job.errors().count() == before) {
        checkDelays(own, defaults, fields.get());
      }
    }
    if (!ownRetryOn && action.isPresent()) {
      checkInherited(defaults.retryOn().orElse(List.of()), action.get(), job);
    }
    RetryBlock merged = own.over(defaults);
    // A conflict inherited from the defaults was reported there, not in this job.
    return job.errors().count() == before && !merged.maxDelayBelowBackoff()
        ? Optional.of(merged.resolve())
        : Optional.empty();
  }

  private static RetryBlock readBlock(Fields fields, Optional<Action> action) {
    return new RetryBlock(
        fields.get("max_retries").flatMap(RetryReader::maxRetries),
        fields.get("backoff").flatMap(Values::positiveDuration),
        fields.get("backoff_factor").flatMap(RetryReader::factor),
        fields.get("max_delay").flatMap(Values::positiveDuration),
        fields.get("retry_on").flatMap(value -> retryOn(value, action)));
  }

  /**
   * Reports an explicit max_delay below the backoff at the key of {@code own} that caused it; a
   * conflict inherited whole from the defaults was reported there already.
   */
  private static void checkDelays(RetryBlock own, RetryBlock base, Fields fields) {
    RetryBlock merged = own.over(base);
    if (!merged.maxDelayBelowBackoff()) {
      return;
    }
    String backoff = DurationParser.format(merged.effectiveBackoff());
    String maxDelay = DurationParser.format(merged.maxDelay().get());
    if (own.maxDelay().isPresent()) {
      String origin =
          own.backoff().isPresent()
              ? ""
              : base.backoff().isPresent() ? " from defaults.retry" : " (the default)";
      fields
          .get("max_delay")
          .orElseThrow()
          .error("max_delay " + maxDelay + " is shorter than backoff " + backoff + origin);
    } else if (own.backoff().isPresent()) {
      fields
          .get("backoff")
          .orElseThrow()
          .error(
              "backoff "
                  + backoff
                  + " is longer than max_delay "
                  + maxDelay
                  + " from defaults.retry");
    }
  }

  private static void checkInherited(List<RetryCondition> inherited, Action action, Cursor job) {
    if (inherited.stream().allMatch(condition -> condition.appliesTo(action))) {
      return;
    }
    job.error(
        "the retry_on list of defaults.retry does not fit this job: "
            + kindRule(action)
            + "; give the job its own retry.retry_on");
  }

  private static Optional<Integer> maxRetries(Cursor value) {
    String expected = "expected a whole number ≥ 0";
    return value
        .checked(value.wholeNumber(expected), n -> n >= 0 && n <= Integer.MAX_VALUE, expected)
        .map(Long::intValue);
  }

  private static Optional<Double> factor(Cursor value) {
    String expected = "expected a number ≥ 1.0 (each delay is the previous one times this)";
    return value.checked(value.number(expected), f -> f >= 1.0, expected);
  }

  private static Optional<List<RetryCondition>> retryOn(Cursor value, Optional<Action> action) {
    Optional<List<Cursor>> items =
        value.list("expected a list such as [75, timeout] or [java.io.IOException]");
    if (items.isEmpty()) {
      return Optional.empty();
    }
    List<RetryCondition> conditions = new ArrayList<>();
    for (Cursor item : items.get()) {
      condition(item)
          .filter(c -> action.isEmpty() || fits(c, action.get(), item))
          .ifPresent(conditions::add);
    }
    return conditions.size() == items.get().size() ? Optional.of(conditions) : Optional.empty();
  }

  private static Optional<RetryCondition> condition(Cursor item) {
    if (!(item.node() instanceof ScalarNode scalar) || item.isNull()) {
      item.mismatch(ENTRY_EXPECTED);
      return Optional.empty();
    }
    String text = scalar.getValue();
    if (DIGITS.matcher(text).matches()) {
      int code = text.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(text);
      if (code == 0) {
        item.error("exit status 0 is success and is never retried; expected 1–255");
        return Optional.empty();
      }
      if (code > 255) {
        item.error("exit statuses are 1–255, found " + text);
        return Optional.empty();
      }
      return Optional.of(new RetryCondition.ExitStatus(code));
    }
    if (text.equals("timeout")) {
      return Optional.of(new RetryCondition.OnTimeout());
    }
    if (ClassNames.isValid(text)) {
      return Optional.of(new RetryCondition.ExceptionType(text));
    }
    item.mismatch(ENTRY_EXPECTED);
    return Optional.empty();
  }

  private static boolean fits(RetryCondition condition, Action action, Cursor item) {
    if (condition.appliesTo(action)) {
      return true;
    }
    item.error(kindRule(action) + ", found " + Cursor.describe(item.node()));
    return false;
  }

  private static String kindRule(Action action) {
    return action instanceof ClassAction
        ? "a class job retries on exception class names such as java.io.IOException"
        : "a command job retries on exit statuses 1–255 and timeout";
  }
}
