package dev.hypernd.daemon;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error as a terminal line shows it: a short label for what went wrong ({@code exit 3}, {@code
 * killed by SIGKILL}, {@code timeout}, {@code IOException}) and the detail that follows it (the end
 * of the job's stderr, an exception's message) on one line. The label comes from the error's
 * message for command jobs, whose errors all share a few types, and from the simple name of the
 * error type otherwise: never a package-qualified class name.
 *
 * @param label what went wrong, in a word or three
 * @param detail the rest of the message, its lines joined by {@code "; "}; may be empty
 */
record ShortError(String label, String detail) {
  private static final Pattern EXIT =
      Pattern.compile("exit status (\\d+)(?: \\(128\\+(\\w+)\\))?(?:: (.*))?", Pattern.DOTALL);
  private static final Pattern SIGNAL =
      Pattern.compile("killed by signal \\d+ \\((\\w+)\\)(?:: (.*))?", Pattern.DOTALL);
  private static final Pattern TIMEOUT =
      Pattern.compile("timeout after [^:]+(?:: (.*))?", Pattern.DOTALL);
  private static final String ENGINE_TIMEOUT = "dev.hypernd.engine.TaskTimeoutException";

  /** From an event's {@code error} (the message) and {@code error_type} fields. */
  static ShortError of(Map<String, Object> fields) {
    return of(
        String.valueOf(fields.getOrDefault("error_type", "error")),
        String.valueOf(fields.getOrDefault("error", "")));
  }

  static ShortError of(String type, String message) {
    Matcher m = EXIT.matcher(message);
    if (m.matches()) {
      String label = "exit " + m.group(1) + (m.group(2) == null ? "" : " (" + m.group(2) + ")");
      return new ShortError(label, oneLine(m.group(3)));
    }
    m = SIGNAL.matcher(message);
    if (m.matches()) {
      return new ShortError("killed by " + m.group(1), oneLine(m.group(2)));
    }
    m = TIMEOUT.matcher(message);
    if (m.matches()) {
      return new ShortError("timeout", oneLine(m.group(1)));
    }
    if (type.equals(ENGINE_TIMEOUT)) {
      return new ShortError("timeout", "");
    }
    String label = simpleName(type);
    return new ShortError(label, message.equals(type) ? "" : oneLine(message));
  }

  /** {@code java.io.IOException} as {@code IOException}, a nested {@code A$B} as {@code A.B}. */
  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
  }

  private static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    return String.join("; ", text.strip().lines().map(String::strip).toList());
  }
}
