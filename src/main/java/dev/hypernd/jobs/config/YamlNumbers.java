package dev.hypernd.jobs.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Numbers in the spellings the YAML 1.2 core schema resolves as {@code !!int} and {@code !!float}.
 */
final class YamlNumbers {
  private YamlNumbers() {}

  /** Empty when the value does not fit a {@code long}. */
  static Optional<Long> parseInt(String text) {
    try {
      if (text.startsWith("0x")) {
        return Optional.of(Long.parseLong(text.substring(2), 16));
      }
      if (text.startsWith("0o")) {
        return Optional.of(Long.parseLong(text.substring(2), 8));
      }
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Empty for {@code .inf} and {@code .nan}, which no setting here can use. */
  static Optional<Double> parseFinite(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains(".inf") || lower.contains(".nan")) {
      return Optional.empty();
    }
    Optional<Long> whole = parseInt(text);
    if (whole.isPresent()) {
      return Optional.of(whole.get().doubleValue());
    }
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
