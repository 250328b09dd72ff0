package dev.hypernd.jobs.crontab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.cron.CronSchedule;
import dev.hypernd.engine.OverlapPolicy;
import dev.hypernd.jobs.JobFiles;
import dev.hypernd.jobs.config.CronScheduleSpec;
import dev.hypernd.jobs.config.JobConfig;
import dev.hypernd.jobs.config.LoadResult;
import dev.hypernd.jobs.config.OnceSchedule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real crontabs (Debian's {@code /etc/crontab} and {@code /etc/cron.d} files, crontab(5)'s example)
 * converted, validated by the loader that {@code run} uses, and each job's fire times compared with
 * those of the crontab line it came from.
 */
class CrontabImporterTest {
  private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
  private static final int FIRES = 400;

  static Stream<Arguments> corpus() {
    return Stream.of(
        Arguments.of("debian-etc-crontab", true),
        Arguments.of("debian-cron.d-e2scrub_all", true),
        Arguments.of("debian-cron.d-php", true),
        Arguments.of("debian-cron.d-anacron", true),
        Arguments.of("debian-cron.d-sysstat", true),
        Arguments.of("debian-cron.d-popularity-contest", true),
        Arguments.of("debian-cron.d-certbot", true),
        Arguments.of("crontab.5-example", false),
        Arguments.of("user-mixed", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyLineBecomesAValidJobThatFiresWhenTheLineWould(String name, boolean system)
      throws IOException {
    String crontab = resource(name);
    CrontabImporter.Conversion conversion = new CrontabImporter(system).convert(name, crontab);

    LoadResult result = JobFiles.loader().parse(Path.of(name + ".yaml"), conversion.yaml());
    assertThat(result.errors()).as(conversion.yaml()).isEmpty();
    List<JobConfig> jobs = ((LoadResult.Valid) result).jobFile().jobs();
    List<ExpectedLine> lines = expectedLines(crontab);
    assertThat(jobs).hasSize(lines.size());
    for (int i = 0; i < jobs.size(); i++) {
      JobConfig job = jobs.get(i);
      ExpectedLine line = lines.get(i);
      assertThat(job.overlap()).as("cron runs every fire").isEqualTo(OverlapPolicy.ALLOW);
      if (line.schedule().equals("@reboot")) {
        assertThat(job.schedule()).isInstanceOf(OnceSchedule.class);
        continue;
      }
      CronScheduleSpec spec = (CronScheduleSpec) job.schedule();
      assertThat(fires(spec.expression(), spec.zone()))
          .as("%s line %s", name, line.text())
          .isEqualTo(fires(line.schedule(), line.zone()));
      assertThat(job.env()).as("the variables above the line").isEqualTo(line.env());
    }
  }

  @Test
  void crontab5sExampleFiresInJapanAndFeedsJoeHisMail() throws IOException {
    String yaml =
        new CrontabImporter(false).convert("example", resource("crontab.5-example")).yaml();
    List<JobConfig> jobs =
        ((LoadResult.Valid) JobFiles.loader().parse(Path.of("x.yaml"), yaml)).jobFile().jobs();
    JobConfig mail = jobs.get(2);
    CronScheduleSpec spec = (CronScheduleSpec) mail.schedule();
    // "0 22 * * 1-5" in Japan (UTC+9): Monday 2026-03-02 22:00 JST is 13:00 UTC.
    assertThat(CronSchedule.parse(spec.expression(), spec.zone()).nextAfter(FROM))
        .contains(Instant.parse("2026-03-02T13:00:00Z"));
    assertThat(yaml)
        .contains(
            "command: [\"/bin/bash\", \"-c\", \"{\\nmail -s \\\"It's 10pm\\\" joe\\n}"
                + " <<'CRON_STDIN'\\nJoe,\\n\\nWhere are your kids?\\nCRON_STDIN\\n\"]");
  }

  @Test
  void whatAJobFileCannotSayIsACommentAndAWarningNeverASilentChange() throws IOException {
    CrontabImporter.Conversion conversion =
        new CrontabImporter(false).convert("user-mixed", resource("user-mixed"));
    assertThat(conversion.warnings())
        .containsExactly(
            "line 10: not converted: its schedule is not valid: "
                + "Invalid hour '25' at column 3: out of range, hour takes 0-23."
                + " Valid examples: \"3\", \"*/2\", \"9-17\", \"0,12\".");
    assertThat(conversion.yaml())
        .contains("# NOT CONVERTED (line 10,")
        .contains("# 0 25 * * * echo never valid");

    CrontabImporter.Conversion system =
        new CrontabImporter(true)
            .convert("certbot", "MAILTO=root\n0 */12 * * * www-data -n /usr/bin/renew\n");
    assertThat(system.warnings())
        .containsExactly(
            "line 1: MAILTO=root: hypernd does not mail job output; it logs it and keeps it in"
                + " each task's result (on_failure hooks can send mail)",
            "line 2: runs as www-data under cron; hypernd runs it as the daemon's user",
            "line 2: cronie option -n (mail only on error) dropped: hypernd sends no mail");
  }

  @Test
  void variablesThatChangeBetweenLinesGoToEachJobAndCronTzToItsZone() throws IOException {
    String yaml = new CrontabImporter(false).convert("user-mixed", resource("user-mixed")).yaml();
    assertThat(yaml)
        .contains(
            """
              - name: "echo"
                cron: "0 3 * * *"
                command: "echo \\"$FOO\\""
                env:
                  FOO: "one"
            """)
        .contains(
            """
              - name: "echo-2"
                cron: "30 2 * * *"
                timezone: "America/New_York"
                command: "echo \\"$FOO\\""
                env:
                  FOO: "two"
                  CRON_TZ: "America/New_York"
            """)
        .contains("- name: \"sync-data\"")
        .contains("- name: \"sync-data-2\"")
        .contains("command: \"printf '%s\\\\n' 100% > /tmp/percent\"");
  }

  @Test
  void commentsAreCarriedOverAboveTheirJob() throws IOException {
    String yaml = new CrontabImporter(true).convert("php", resource("debian-cron.d-php")).yaml();
    assertThat(yaml)
        .contains(
            """
              # Look for and purge old sessions every 30 minutes
              # crontab line 14: 09,39 * * * * root [ -x /usr/lib/php/sessionclean ]\
             && if [ ! -d /run/systemd/system ]; then /usr/lib/php/sessionclean; fi
              - name: "sessionclean"
            """);
  }

  private static List<Instant> fires(String expression, ZoneId zone) {
    CronSchedule schedule = CronSchedule.parse(expression, zone);
    List<Instant> fires = new ArrayList<>();
    Instant at = FROM;
    for (int i = 0; i < FIRES; i++) {
      at = schedule.nextAfter(at).orElseThrow();
      fires.add(at);
    }
    return fires;
  }

  /** A schedule line as the test reads it, independently of the importer. */
  private record ExpectedLine(String text, String schedule, ZoneId zone, Map<String, String> env) {}

  private static List<ExpectedLine> expectedLines(String crontab) {
    List<ExpectedLine> lines = new ArrayList<>();
    Map<String, String> env = new java.util.LinkedHashMap<>();
    ZoneId zone = ZoneId.systemDefault();
    for (String text : crontab.split("\n")) {
      String line = text.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      java.util.regex.Matcher variable =
          java.util.regex.Pattern.compile("([A-Za-z_]\\w*)\\s*=\\s*\"?(.*?)\"?").matcher(line);
      if (variable.matches()) {
        env.put(variable.group(1), variable.group(2));
        if (variable.group(1).equals("CRON_TZ")) {
          zone = ZoneId.of(variable.group(2));
        }
        continue;
      }
      String[] fields = line.split("\\s+");
      String schedule =
          fields[0].startsWith("@") ? fields[0] : String.join(" ", List.of(fields).subList(0, 5));
      if (!isValid(schedule)) {
        continue; // reported as not converted, tested above
      }
      lines.add(new ExpectedLine(line, schedule, zone, Map.copyOf(env)));
    }
    return lines;
  }

  private static boolean isValid(String schedule) {
    if (schedule.equals("@reboot")) {
      return true;
    }
    try {
      CronSchedule.parse(schedule, ZoneId.of("UTC"));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CrontabImporterTest.class.getResourceAsStream("/crontab/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
