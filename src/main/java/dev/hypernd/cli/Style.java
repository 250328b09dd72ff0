package dev.hypernd.cli;

/** ANSI colours, or plain text when colour is off. */
final class Style {
  static final String BOLD = "1";
  static final String DIM = "2";
  static final String RED = "31";
  static final String GREEN = "32";
  static final String YELLOW = "33";
  static final String CYAN = "36";

  private final boolean enabled;

  Style(boolean enabled) {
    this.enabled = enabled;
  }

  String paint(String text, String code) {
    return enabled && code != null && !text.isEmpty()
        ? "\u001b[" + code + "m" + text + "\u001b[0m"
        : text;
  }

  /** The colour of a task state: green done, red failed, yellow retrying, cyan running. */
  static String forState(String state) {
    return switch (state) {
      case "COMPLETED" -> GREEN;
      case "FAILED" -> RED;
      case "RETRYING" -> YELLOW;
      case "RUNNING" -> CYAN;
      case "CANCELLED" -> DIM;
      default -> null;
    };
  }
}
