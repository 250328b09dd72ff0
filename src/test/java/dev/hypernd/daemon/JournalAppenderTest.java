package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hypernd.daemon.journal.FakeJournal;
import dev.hypernd.daemon.journal.JournalSocket;
import dev.hypernd.engine.TaskError;
import dev.hypernd.engine.TaskEvent;
import dev.hypernd.jobs.config.ConfigError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Events as the journal gets them under systemd: through the native protocol to a socket that
 * decodes them as journald does, with their fields, priority and a short message.
 */
class JournalAppenderTest {
  private static final Instant DUE = Instant.parse("2026-03-29T01:00:00Z");
  private static final Duration SOON = Duration.ofSeconds(10);

  @TempDir Path dir;
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger logger = context.getLogger("journal-appender-test");
  private final ListAppender<ILoggingEvent> stdout = new ListAppender<>();
  private FakeJournal journal;
  private JournalAppender appender;

  @BeforeEach
  void attach() throws Exception {
    journal = new FakeJournal(dir.resolve("socket"));
    stdout.setContext(context);
    stdout.start();
    appender = new JournalAppender(JournalSocket.open(journal.path()).orElseThrow(), stdout);
    appender.setContext(context);
    appender.start();
    for (String name : List.of(EventLog.LOGGER, logger.getName())) {
      Logger target = context.getLogger(name);
      target.addAppender(appender);
      target.setLevel(Level.INFO);
      target.setAdditive(false);
    }
  }

  @AfterEach
  void detach() {
    for (String name : List.of(EventLog.LOGGER, logger.getName())) {
      Logger target = context.getLogger(name);
      target.detachAppender(appender);
      target.setLevel(null);
      target.setAdditive(true);
    }
    appender.stop();
    journal.close();
  }

  private static TaskEvent failed() {
    return new TaskEvent(
        TaskEvent.Type.FAILED,
        DUE.plusSeconds(3),
        "backup",
        "sched-4",
        2,
        DUE,
        DUE.plusMillis(12),
        0,
        2990,
        new TaskError(
            "dev.hypernd.jobs.shell.ShellExitException",
            "exit status 3: tar: /srv: Cannot open\ntar: Error is not recoverable"),
        false,
        0,
        null,
        List.of("full", "--verbose"));
  }

  @Test
  void aFailedTaskIsAnErrorEntryWithItsJobTaskEventAndAttemptAsFields() throws Exception {
    new EventLog().onEvent(failed());

    Map<String, String> entry = journal.await(e -> e.containsKey("EVENT"), SOON);
    assertThat(entry)
        .containsEntry("PRIORITY", "3")
        .containsEntry("SYSLOG_IDENTIFIER", "hypernd")
        .containsEntry("EVENT", "task.failed")
        .containsEntry("JOB", "backup")
        .containsEntry("TASK_ID", "sched-4")
        .containsEntry("ATTEMPT", "2")
        .containsEntry("DURATION_MS", "2990")
        .containsEntry("ERROR_TYPE", "dev.hypernd.jobs.shell.ShellExitException")
        .containsEntry(
            "ERROR", "exit status 3: tar: /srv: Cannot open\ntar: Error is not recoverable")
        .containsEntry("ARGS", "[\"full\",\"--verbose\"]");
    assertThat(entry.get("MESSAGE"))
        .isEqualTo("task.failed backup sched-4: exit status 3: tar: /srv: Cannot open …");
    assertThat(stdout.list).isEmpty();
  }

  @Test
  void aRejectedReloadCarriesEveryErrorAsJsonAndAMessageOfOneLine() throws Exception {
    new EventLog()
        .loaded(
            new ReloadOutcome.Rejected(
                Path.of("/etc/hypernd/jobs.yaml"),
                Instant.EPOCH,
                7,
                List.of(
                    new ConfigError(
                        Path.of("/etc/hypernd/jobs.yaml"), 4, 15, "jobs[0].interval", "bad"),
                    new ConfigError(Path.of("/etc/hypernd/jobs.yaml"), 9, 3, "jobs[1]", "worse"))));

    Map<String, String> entry = journal.await(e -> e.containsKey("EVENT"), SOON);
    assertThat(entry)
        .containsEntry("PRIORITY", "3")
        .containsEntry("EVENT", "config.rejected")
        .containsEntry("FILE", "/etc/hypernd/jobs.yaml")
        .containsEntry(
            "MESSAGE",
            "config.rejected /etc/hypernd/jobs.yaml: 2 errors; the running configuration stays");
    assertThat(entry.get("ERRORS")).startsWith("[{\"line\":4,\"column\":15,");
  }

  @Test
  void anOrdinaryLineWithAnExceptionKeepsItsLoggerThreadAndStackTrace() throws Exception {
    logger.warn("could not close the store", new IllegalStateException("busy"));

    Map<String, String> entry = journal.await(e -> e.containsKey("LOGGER"), SOON);
    assertThat(entry)
        .containsEntry("PRIORITY", "4")
        .containsEntry("LOGGER", "journal-appender-test")
        .containsEntry("THREAD", Thread.currentThread().getName())
        .containsEntry(
            "MESSAGE", "could not close the store: java.lang.IllegalStateException: busy");
    assertThat(entry.get("STACK_TRACE"))
        .startsWith("java.lang.IllegalStateException: busy")
        .contains("JournalAppenderTest");
  }

  @Test
  void anEventLoggedWithKeyValuePairsHasThemAsFields() throws Exception {
    logger
        .atWarn()
        .addKeyValue("event", "hook.failed")
        .addKeyValue("job", "backup")
        .addKeyValue("hook", "on_failure")
        .log("hook.failed backup on_failure: exit status 1");

    Map<String, String> entry = journal.await(e -> "hook.failed".equals(e.get("EVENT")), SOON);
    assertThat(entry)
        .containsEntry("PRIORITY", "4")
        .containsEntry("JOB", "backup")
        .containsEntry("HOOK", "on_failure")
        .containsEntry("MESSAGE", "hook.failed backup on_failure: exit status 1");
  }

  @Test
  void whileTheJournalIsGoneEventsGoToStandardOutputAndNoneIsLost() throws Exception {
    journal.close();
    Files.delete(journal.path());
    logger.info("first while gone");
    logger.info("second while gone");
    assertThat(stdout.list.stream().map(ILoggingEvent::getFormattedMessage))
        .containsExactly(
            stdout.list.get(0).getFormattedMessage(), "first while gone", "second while gone");
    assertThat(stdout.list.get(0).getFormattedMessage())
        .startsWith("hypernd: cannot send to the journal at " + journal.path());

    journal = new FakeJournal(journal.path());
    logger.info("back");
    assertThat(journal.await(e -> "back".equals(e.get("MESSAGE")), SOON)).isNotNull();
    assertThat(stdout.list.get(stdout.list.size() - 1).getFormattedMessage())
        .isEqualTo("hypernd: the journal takes events with fields again");
  }
}
