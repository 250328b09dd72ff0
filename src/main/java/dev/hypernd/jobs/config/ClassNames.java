package dev.hypernd.jobs.config;

import java.util.regex.Pattern;

/**
 * Fully qualified Java class names, checked before any lookup so that a typo gets a clear message
 * rather than "not found".
 */
final class ClassNames {
  private static final String IDENTIFIER = "[\\p{L}_$][\\p{L}\\p{N}_$]*";
  private static final Pattern QUALIFIED = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");

  private ClassNames() {}

  static boolean isValid(String name) {
    return QUALIFIED.matcher(name).matches();
  }
}
