package dev.hypernd.bench.cron;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.hypernd.cron.CronSchedule;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Every (case, start) pair of the mix, parsed once per peer, with the start in each peer's own
 * input type (hypernd: {@link Instant}; Spring and cron-utils: {@link ZonedDateTime} in the case's
 * zone; Quartz: {@link Date} with the zone set on the expression). Parsing and input conversion
 * happen here, outside the measured calls.
 */
final class CronPeers {
  final int pairs;
  final CronSchedule[] hypernd;
  final Instant[] hyperndIn;
  final org.springframework.scheduling.support.CronExpression[] spring;
  final ZonedDateTime[] zonedIn;
  final org.quartz.CronExpression[] quartz;
  final Date[] quartzIn;
  final ExecutionTime[] cronUtils;

  CronPeers(List<CronCase> cases, List<Instant> starts) {
    pairs = cases.size() * starts.size();
    hypernd = new CronSchedule[pairs];
    hyperndIn = new Instant[pairs];
    spring = new org.springframework.scheduling.support.CronExpression[pairs];
    zonedIn = new ZonedDateTime[pairs];
    quartz = new org.quartz.CronExpression[pairs];
    quartzIn = new Date[pairs];
    cronUtils = new ExecutionTime[pairs];
    CronParser unix = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    int p = 0;
    for (CronCase c : cases) {
      CronSchedule h = CronSchedule.parse(c.expression(), c.zone());
      var s = org.springframework.scheduling.support.CronExpression.parse(PeerSyntax.spring(c));
      org.quartz.CronExpression q = quartz(c);
      ExecutionTime u = ExecutionTime.forCron(unix.parse(PeerSyntax.cronUtils(c)));
      for (Instant start : starts) {
        hypernd[p] = h;
        hyperndIn[p] = start;
        spring[p] = s;
        zonedIn[p] = start.atZone(c.zone());
        quartz[p] = q;
        quartzIn[p] = Date.from(start);
        cronUtils[p] = u;
        p++;
      }
    }
  }

  private static org.quartz.CronExpression quartz(CronCase c) {
    try {
      org.quartz.CronExpression q = new org.quartz.CronExpression(PeerSyntax.quartz(c));
      q.setTimeZone(TimeZone.getTimeZone(c.zone()));
      return q;
    } catch (ParseException e) {
      throw new IllegalStateException(
          "Quartz rejects " + PeerSyntax.quartz(c) + " (from " + c.expression() + ")", e);
    }
  }

  Optional<Instant> hypernd(int p) {
    return hypernd[p].nextAfter(hyperndIn[p]);
  }

  Optional<Instant> spring(int p) {
    return Optional.ofNullable(spring[p].next(zonedIn[p])).map(ZonedDateTime::toInstant);
  }

  Optional<Instant> quartz(int p) {
    return Optional.ofNullable(quartz[p].getNextValidTimeAfter(quartzIn[p])).map(Date::toInstant);
  }

  Optional<Instant> cronUtils(int p) {
    return cronUtils[p].nextExecution(zonedIn[p]).map(ZonedDateTime::toInstant);
  }
}
