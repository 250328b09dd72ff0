package dev.hypernd.jobs.crontab;

import java.util.List;
import java.util.Map;

/**
 * One crontab entry as a job of the job file.
 *
 * @param cron the five fields or macro, or null for {@code @reboot} (a once job at start)
 * @param timezone the zone of {@code CRON_TZ} in effect, or null for the host's
 * @param shell the {@code SHELL} in effect when it is not {@code /bin/sh}, else null
 * @param env every variable the crontab set above the entry, which cron passes to the command
 * @param comments the comment lines that stood above the entry
 */
record ImportedJob(
    int line,
    String original,
    String name,
    String cron,
    String timezone,
    String shell,
    CronCommand command,
    Map<String, String> env,
    List<String> comments) {}
