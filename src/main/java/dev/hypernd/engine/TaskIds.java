package dev.hypernd.engine;

/** Task ids are {@code sched-N}; N comes from the store's sequence and is never reused. */
public final class TaskIds {
  private static final String PREFIX = "sched-";

  private TaskIds() {}

  public static String format(long number) {
    return PREFIX + number;
  }

  /** The N of {@code sched-N}, or -1 when {@code id} is not of that form. */
  public static long parse(String id) {
    if (id == null || !id.startsWith(PREFIX) || id.length() == PREFIX.length()) {
      return -1;
    }
    try {
      long n = Long.parseLong(id.substring(PREFIX.length()));
      return n > 0 ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
