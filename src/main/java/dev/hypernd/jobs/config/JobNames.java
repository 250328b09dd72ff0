package dev.hypernd.jobs.config;

import java.util.regex.Pattern;

/** The rule for job names, which appear in commands, logs and metric keys. */
final class JobNames {
  static final int MAX_LENGTH = 100;
  static final String RULE =
      "must start with a letter or digit, continue with letters, digits, '.', '_' or '-', and"
          + " be at most "
          + MAX_LENGTH
          + " characters";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private JobNames() {}

  static boolean isValid(String name) {
    return name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
  }
}
