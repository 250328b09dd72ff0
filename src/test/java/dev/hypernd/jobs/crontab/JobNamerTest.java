package dev.hypernd.jobs.crontab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobNamerTest {
  private final JobNamer namer = new JobNamer();

  @Test
  void namesAJobAfterTheProgramItRuns() {
    assertThat(namer.name("/usr/local/bin/backup.sh --full > /var/log/b.log 2>&1"))
        .isEqualTo("backup.sh");
    assertThat(namer.name("cd / && run-parts --report /etc/cron.hourly")).isEqualTo("cron.hourly");
    assertThat(namer.name("[ -x /usr/lib/php/sessionclean ] && /usr/lib/php/sessionclean"))
        .isEqualTo("sessionclean");
    assertThat(namer.name("test -x /usr/sbin/anacron || { cd / && run-parts /etc/cron.daily; }"))
        .isEqualTo("cron.daily");
    assertThat(namer.name("SERVICE_MODE=1 nice -n 10 /sbin/e2scrub_all -A"))
        .isEqualTo("e2scrub_all");
    assertThat(namer.name("/usr/bin/flock -n /tmp/x.lock /usr/local/bin/sync-data"))
        .isEqualTo("sync-data");
    assertThat(namer.name("sudo -u www-data php /srv/app/cron.php")).isEqualTo("php");
  }

  @Test
  void namesAreValidJobNamesAndUniqueInFileOrder() {
    assertThat(namer.name("$HOME/bin/daily.job")).isEqualTo("daily.job");
    assertThat(namer.name("~/bin/daily.job >> out")).isEqualTo("daily.job-2");
    assertThat(namer.name("DAILY.JOB")).isEqualTo("DAILY.JOB-3");
    assertThat(namer.name("echo hi")).isEqualTo("echo");
    assertThat(namer.name("timeout -s KILL 10m /usr/bin/reindex")).isEqualTo("reindex");
    assertThat(namer.name("sudo /usr/bin/reindex")).isEqualTo("reindex-2");
    assertThat(namer.name("{ }")).isEqualTo("job");
    assertThat(namer.name("'!!!'")).isEqualTo("job-2");
  }
}
