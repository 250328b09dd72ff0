package dev.hypernd.bench.cron;

import java.time.ZoneId;

/**
 * One expression of the benchmark mix: five fields with cronie semantics, evaluated in {@code
 * zone}.
 *
 * @param expression the five-field expression as a hypernd job file would hold it
 * @param zone the zone it is evaluated in
 * @param quartz a hand-written Quartz expression with the same meaning, or {@code null} to derive
 *     one ({@link PeerSyntax#quartz})
 * @param what what the case exercises, for the report
 */
record CronCase(String expression, ZoneId zone, String quartz, String what) {

  static CronCase of(String expression, String zone, String what) {
    return new CronCase(expression, ZoneId.of(zone), null, what);
  }

  static CronCase withQuartz(String expression, String zone, String quartz, String what) {
    return new CronCase(expression, ZoneId.of(zone), quartz, what);
  }

  String[] fields() {
    return expression.trim().split("\\s+");
  }

  /** Cronie's rule: both day fields restricted (neither starts with '*') means either matches. */
  boolean cronieOr() {
    String[] f = fields();
    return !f[2].startsWith("*") && !f[4].startsWith("*");
  }
}
