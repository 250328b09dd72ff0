package dev.hypernd.jobs.crontab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** cron's {@code %} rule, as cronie's do_command.c applies it, and the shell text that keeps it. */
class CronCommandTest {

  @Test
  void aCommandWithoutPercentIsKeptAsItIs() {
    CronCommand command = CronCommand.parse("echo \"a\\b\" > /tmp/x 2>&1");
    assertThat(command.command()).isEqualTo("echo \"a\\b\" > /tmp/x 2>&1");
    assertThat(command.stdin()).isNull();
    assertThat(command.shellText()).isEqualTo(command.command());
  }

  @Test
  void theFirstPercentEndsTheCommandAndTheOthersAreNewlinesWithAFinalOne() {
    CronCommand command =
        CronCommand.parse("mail -s \"It's 10pm\" joe%Joe,%%Where are your kids?%");
    assertThat(command.command()).isEqualTo("mail -s \"It's 10pm\" joe");
    // The last '%' already ends the input with a newline, so none is added.
    assertThat(command.stdin()).isEqualTo("Joe,\n\nWhere are your kids?\n");
  }

  @Test
  void aFinalNewlineIsAddedWhenTheInputDoesNotEndWithOne() {
    assertThat(CronCommand.parse("cat%one%two").stdin()).isEqualTo("one\ntwo\n");
    assertThat(CronCommand.parse("cat%").stdin()).isEmpty();
  }

  @Test
  void anEscapedPercentIsALiteralPercentInBothPartsAndOtherEscapesStay() {
    CronCommand command = CronCommand.parse("printf '\\%s\\n' 100\\% \\$HOME%a\\%b\\c");
    assertThat(command.command()).isEqualTo("printf '%s\\n' 100% \\$HOME");
    assertThat(command.stdin()).isEqualTo("a%b\\c\n");
  }

  @Test
  void aBackslashBeforeABackslashIsWrittenAndTheSecondEscapesTheNext() {
    // cronie writes the first backslash and holds the second back: "\\%" gives "\%" in stdin.
    assertThat(CronCommand.parse("cat%x\\\\%y").stdin()).isEqualTo("x\\%y\n");
  }

  @Test
  void theShellTextGivesTheCommandItsInputByteForByte() throws Exception {
    CronCommand command = CronCommand.parse("tr a-z A-Z; echo \"$0:$#\"%hello%  $HOME `x` 'q'%");
    assertThat(sh(command.shellText())).isEqualTo("HELLO\n  $HOME `X` 'Q'\n/bin/sh:0\n");
  }

  @Test
  void theHereDocumentDelimiterNeverAppearsAsALineOfTheInput() throws Exception {
    CronCommand command = CronCommand.parse("cat%CRON_STDIN%CRON_STDIN2%end");
    assertThat(sh(command.shellText())).isEqualTo("CRON_STDIN\nCRON_STDIN2\nend\n");
  }

  @Test
  void theCommandsOwnRedirectionsAndListsKeepTheirMeaning() throws Exception {
    CronCommand command = CronCommand.parse("false || cat 2>/dev/null # comment%in");
    assertThat(sh(command.shellText())).isEqualTo("in\n");
  }

  private static String sh(String text) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("/bin/sh", "-c", text)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
