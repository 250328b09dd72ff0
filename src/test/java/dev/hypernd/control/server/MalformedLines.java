package dev.hypernd.control.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Lines a fuzzing, confused or malicious client might send, none containing a newline. */
final class MalformedLines {
  private static final List<String> VERBS =
      List.of(
          "status",
          "metrics",
          "result",
          "cancel",
          "submit",
          "tasks",
          "jobs",
          "next",
          "reload",
          "pause",
          "resume",
          "wait",
          "STATUS",
          "",
          "drop tables",
          "\u0000");
  private static final List<String> FIELDS =
      List.of("job", "task_id", "args", "delay_ms", "state", "limit", "n", "timeout_ms", "id", "x");
  private static final List<String> VALUES =
      List.of(
          "null",
          "true",
          "-1",
          "0",
          "1e999",
          "99999999999999999999999",
          "\"greet\"",
          "\"sched-1\"",
          "\"sched-x\"",
          "[]",
          "[1,\"a\"]",
          "{}",
          "\"\\ud800\"",
          "\"COMPLETED\"",
          "1.5",
          "\"" + "z".repeat(300) + "\"");

  private MalformedLines() {}

  static byte[] next(Random random) {
    return switch (random.nextInt(7)) {
      case 0 -> randomBytes(random);
      case 1 -> utf8(randomObject(random));
      case 2 -> utf8(truncated(randomObject(random), random));
      case 3 -> utf8("[".repeat(1 + random.nextInt(3000)));
      case 4 -> utf8(VALUES.get(random.nextInt(VALUES.size())));
      case 5 -> utf8("{\"verb\":\"" + VERBS.get(random.nextInt(VERBS.size())) + "\"}");
      default -> utf8(randomObject(random).replace('"', '\''));
    };
  }

  private static String randomObject(Random random) {
    StringBuilder json = new StringBuilder("{");
    if (random.nextInt(4) > 0) {
      json.append("\"verb\":\"").append(VERBS.get(random.nextInt(VERBS.size()))).append('"');
    } else {
      json.append("\"verb\":").append(VALUES.get(random.nextInt(VALUES.size())));
    }
    int fields = random.nextInt(4);
    for (int i = 0; i < fields; i++) {
      json.append(",\"")
          .append(FIELDS.get(random.nextInt(FIELDS.size())))
          .append("\":")
          .append(VALUES.get(random.nextInt(VALUES.size())));
    }
    return json.append('}').toString();
  }

  private static String truncated(String text, Random random) {
    return text.substring(0, random.nextInt(text.length()));
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(2000)];
    random.nextBytes(bytes);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        bytes[i] = ' ';
      }
    }
    return bytes;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
