package dev.hypernd.bench.cron;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How each case is written for each peer, and whether the peer then means the same as cronie.
 *
 * <p>Spring always ANDs day-of-month and day-of-week, Quartz cannot restrict both, and cron-utils
 * ORs them whenever neither is exactly {@code *} (cronie looks at the first character). Where a
 * peer cannot express a case, it gets the day-of-month-only variant, which does no more work than
 * the original, and that case is not cross-checked for it.
 */
final class PeerSyntax {
  private static final String[] DAY_NAMES = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

  private PeerSyntax() {}

  /**
   * Six fields for Spring's {@code CronExpression}: a seconds field of 0 first. Weekdays are
   * written as names because Spring's day-of-week field runs from 1 (Monday) to 7, so a step such
   * as {@code *}{@code /7} selects Monday there and Sunday in cronie.
   */
  static String spring(CronCase c) {
    String[] f = c.fields();
    String dow = c.cronieOr() || f[4].equals("*") ? "*" : dayNames(f[4]);
    return upper("0 " + f[0] + " " + f[1] + " " + f[2] + " " + f[3] + " " + dow);
  }

  static boolean springFaithful(CronCase c) {
    return !c.cronieOr();
  }

  /** Quartz: seconds first, '?' in one day field, weekdays as names (Quartz counts SUN as 1). */
  static String quartz(CronCase c) {
    if (c.quartz() != null) {
      return c.quartz();
    }
    String[] f = c.fields();
    String head = "0 " + f[0] + " " + f[1] + " ";
    if (f[4].equals("*") || !f[2].equals("*")) {
      return upper(head + f[2] + " " + f[3] + " ?");
    }
    return upper(head + "? " + f[3] + " " + dayNames(f[4]));
  }

  static boolean quartzFaithful(CronCase c) {
    String[] f = c.fields();
    return c.quartz() != null || f[2].equals("*") || f[4].equals("*");
  }

  /** cron-utils with {@code CronType.UNIX} takes the five fields as they are. */
  static String cronUtils(CronCase c) {
    return upper(c.expression());
  }

  static boolean cronUtilsFaithful(CronCase c) {
    String[] f = c.fields();
    boolean cronUtilsOr = !f[2].equals("*") && !f[4].equals("*");
    return cronUtilsOr == c.cronieOr();
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  /** A day-of-week field (0-7, names, ranges, steps, lists) as an explicit list of names. */
  static String dayNames(String field) {
    boolean[] days = new boolean[7];
    for (String item : field.split(",")) {
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = Integer.parseInt(item.substring(slash + 1));
      }
      int lo;
      int hi;
      if (range.equals("*")) {
        lo = 0;
        hi = 7;
      } else if (range.contains("-")) {
        lo = day(range.substring(0, range.indexOf('-')));
        hi = day(range.substring(range.indexOf('-') + 1));
        if (hi == 0) {
          hi = 7;
        }
      } else {
        lo = day(range);
        hi = slash >= 0 ? 7 : lo;
      }
      for (int d = lo; d <= hi; d += step) {
        days[d % 7] = true;
      }
    }
    List<String> names = new ArrayList<>();
    for (int d = 0; d < 7; d++) {
      if (days[d]) {
        names.add(DAY_NAMES[d]);
      }
    }
    return String.join(",", names);
  }

  private static int day(String token) {
    for (int d = 0; d < 7; d++) {
      if (DAY_NAMES[d].equalsIgnoreCase(token)) {
        return d;
      }
    }
    return Integer.parseInt(token);
  }
}
