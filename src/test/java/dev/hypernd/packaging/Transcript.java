package dev.hypernd.packaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The steps that ran inside the test machine, read from the transcript that {@code lib.sh} writes:
 * each step's output between {@code === step NAME} and {@code === status NAME N}.
 */
final class Transcript {
  /** One step: what its command printed and its exit status. */
  record Step(String name, int status, String output) {}

  private final Map<String, Step> steps = new LinkedHashMap<>();
  private final String text;

  Transcript(String text) {
    this.text = text;
    String name = null;
    StringBuilder output = new StringBuilder();
    for (String line : text.lines().toList()) {
      if (line.startsWith("=== step ")) {
        name = line.substring("=== step ".length());
        output.setLength(0);
      } else if (name != null && line.startsWith("=== status " + name + " ")) {
        int status = Integer.parseInt(line.substring(("=== status " + name + " ").length()));
        steps.put(name, new Step(name, status, output.toString()));
        name = null;
      } else if (name != null) {
        output.append(line).append('\n');
      }
    }
  }

  Optional<Step> step(String name) {
    return Optional.ofNullable(steps.get(name));
  }

  /** The whole transcript, for failure messages. */
  String text() {
    return text;
  }
}
