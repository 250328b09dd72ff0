package dev.hypernd.jobs;

import static dev.hypernd.jobs.JobFilesForTests.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.engine.JobDefinition;
import dev.hypernd.engine.JobSchedule;
import dev.hypernd.engine.OverlapPolicy;
import dev.hypernd.engine.RetryPolicy;
import dev.hypernd.engine.TaskTimeoutException;
import dev.hypernd.jobs.config.JobConfig;
import dev.hypernd.jobs.shell.ShellJobException;
import dev.hypernd.jobs.shell.ShellOutcome;
import dev.hypernd.jobs.shell.ShellRunner;
import dev.hypernd.jobs.shell.ShellTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class JobDefinitionsTest {
  private final JobDefinitions definitions =
      new JobDefinitions(new ShellRunner(), new RunningCommands());

  private JobDefinition define(String yaml) {
    return definitions.define(job(yaml), getClass().getClassLoader());
  }

  private static ShellJobException exit(int code) {
    return ShellJobException.of(
        new ShellOutcome(code, OptionalInt.empty(), "", "", Duration.ZERO, 1));
  }

  private static ShellTimeoutException shellTimeout() {
    return new ShellTimeoutException(
        Duration.ofSeconds(3),
        new ShellOutcome(143, OptionalInt.empty(), "", "", Duration.ZERO, 1));
  }

  @Test
  void intervalAtStartCronWithZoneAndOnceSchedules() {
    assertThat(
            define("jobs: [{name: a, interval: 90s, at_start: true, command: 'true'}]").schedule())
        .isEqualTo(new JobSchedule.Interval(Duration.ofSeconds(90), true));
    assertThat(define("jobs: [{name: a, interval: 5m, command: 'true'}]").schedule())
        .isEqualTo(new JobSchedule.Interval(Duration.ofMinutes(5), false));
    JobSchedule cron =
        define("jobs: [{name: a, cron: '0 3 * * *', timezone: Europe/Berlin, command: 'true'}]")
            .schedule();
    assertThat(cron).isInstanceOf(JobSchedule.Calendar.class);
    assertThat(cron).hasToString("0 3 * * * " + ZoneId.of("Europe/Berlin"));
    assertThat(
            define("jobs: [{name: a, once: {at_start: true, delay: 5s}, command: 'true'}]")
                .schedule())
        .isEqualTo(JobSchedule.onDemand());
  }

  @Test
  void overlapIsMappedAndOnceJobsAllowByDefault() {
    assertThat(define("jobs: [{name: a, interval: 1s, command: 'true'}]").overlap())
        .isEqualTo(OverlapPolicy.SKIP);
    assertThat(define("jobs: [{name: a, interval: 1s, overlap: queue, command: 'true'}]").overlap())
        .isEqualTo(OverlapPolicy.QUEUE);
    assertThat(define("jobs: [{name: a, once: {}, command: 'true'}]").overlap())
        .isEqualTo(OverlapPolicy.ALLOW);
    assertThat(
            define(
                    "defaults: {overlap: replace}\n"
                        + "jobs: [{name: a, cron: '* * * * *', command: 'true'}]")
                .overlap())
        .isEqualTo(OverlapPolicy.REPLACE);
  }

  @Test
  void retryBlockBecomesThePolicyWithItsDelays() {
    RetryPolicy retry =
        define(
                """
                jobs:
                  - name: a
                    interval: 1m
                    command: 'false'
                    retry: {max_retries: 3, backoff: 2s, backoff_factor: 3, max_delay: 10s}
                """)
            .retry();

    assertThat(retry.maxRetries()).isEqualTo(3);
    assertThat(retry.delayBeforeRetry(0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(retry.delayBeforeRetry(1)).isEqualTo(Duration.ofSeconds(6));
    assertThat(retry.delayBeforeRetry(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(retry.isRetryable(exit(1))).as("no retry_on: every failure").isTrue();
    assertThat(retry.isRetryable(shellTimeout())).isTrue();
  }

  @Test
  void withoutARetryBlockThereIsOneAttempt() {
    assertThat(define("jobs: [{name: a, interval: 1m, command: 'false'}]").retry().maxRetries())
        .isZero();
  }

  @Test
  void retryOnExitCodesRetriesOnlyThoseCodes() {
    RetryPolicy retry =
        define(
                "jobs: [{name: a, once: {}, command: x, retry: {max_retries: 1, retry_on: [75, 3]}}]")
            .retry();

    assertThat(retry.isRetryable(exit(75))).isTrue();
    assertThat(retry.isRetryable(exit(3))).isTrue();
    assertThat(retry.isRetryable(exit(1))).isFalse();
    assertThat(retry.isRetryable(shellTimeout())).as("timeout not listed").isFalse();
    assertThat(retry.isRetryable(new IOException("cannot start"))).isFalse();
  }

  @Test
  void retryOnTimeoutCoversTheRunnersAndTheEnginesTimeoutButNotTheKilledExitStatus() {
    RetryPolicy retry =
        define(
                "jobs: [{name: a, once: {}, command: x, timeout: 3s,"
                    + " retry: {max_retries: 1, retry_on: [timeout]}}]")
            .retry();

    assertThat(retry.isRetryable(shellTimeout())).isTrue();
    assertThat(retry.isRetryable(new TaskTimeoutException(Duration.ofSeconds(3)))).isTrue();
    assertThat(retry.isRetryable(exit(143))).isFalse();
  }

  @Test
  void retryOnExceptionNamesMatchesSubclassesByName() {
    RetryPolicy retry =
        define(
                "jobs: [{name: a, once: {}, class: dev.hypernd.examples.HelloJob,"
                    + " retry: {max_retries: 1,"
                    + " retry_on: [java.io.IOException, com.example.NotOnTheClasspath]}}]")
            .retry();

    assertThat(retry.isRetryable(new IOException())).isTrue();
    assertThat(retry.isRetryable(new ConnectException())).as("a subclass").isTrue();
    assertThat(retry.isRetryable(new IllegalStateException())).isFalse();
    assertThat(retry.isRetryable(new TaskTimeoutException(Duration.ofSeconds(1)))).isFalse();
  }

  @Test
  void aClassJobsTimeoutIsTheEnginesACommandJobTimesItself() {
    JobDefinition javaJob =
        define("jobs: [{name: a, once: {}, timeout: 2s, class: dev.hypernd.examples.HelloJob}]");
    JobConfig commandConfig = job("jobs: [{name: a, once: {}, timeout: 2s, command: sleep 9}]");
    JobDefinition commandJob = definitions.define(commandConfig, getClass().getClassLoader());

    assertThat(javaJob.timeout()).contains(Duration.ofSeconds(2));
    assertThat(commandJob.timeout()).isEmpty();
    assertThat(commandJob.action()).isInstanceOf(CommandTask.class);
    assertThat(javaJob.attemptTimeout()).contains(Duration.ofSeconds(2));
    assertThat(commandJob.attemptTimeout()).as("shown in jobs").contains(Duration.ofSeconds(2));
  }
}
