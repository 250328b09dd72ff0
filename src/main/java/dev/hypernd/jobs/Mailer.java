package dev.hypernd.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sends a plain-text mail through the host's {@code sendmail}, as cron does for MAILTO: hypernd
 * speaks no SMTP itself, so the host's mail set-up (relay, queue, credentials) applies unchanged.
 */
final class Mailer {
  private static final List<Path> USUAL_PLACES =
      List.of(Path.of("/usr/sbin/sendmail"), Path.of("/usr/lib/sendmail"));
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, String> environment;

  /**
   * @param environment where {@code PATH} is looked up, normally the daemon's
   */
  Mailer(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Sends the mail; the reason it was not sent, or empty. */
  Optional<String> send(String to, String subject, String body, Map<String, String> headers) {
    Optional<Path> sendmail = sendmail();
    if (sendmail.isEmpty()) {
      return Optional.of("no sendmail on PATH, nor in /usr/sbin or /usr/lib");
    }
    StringBuilder message = new StringBuilder();
    message.append("To: ").append(to).append('\n');
    message.append("Subject: ").append(encodedWord(subject)).append('\n');
    message.append("MIME-Version: 1.0\n");
    message.append("Content-Type: text/plain; charset=UTF-8\n");
    message.append("Content-Transfer-Encoding: 8bit\n");
    message.append("Auto-Submitted: auto-generated\n");
    headers.forEach((name, value) -> message.append(name).append(": ").append(value).append('\n'));
    message.append('\n').append(body);
    if (!body.endsWith("\n")) {
      message.append('\n');
    }
    try {
      // -t: recipients from the To: line; -oi: a line of one dot does not end the message.
      Process process =
          new ProcessBuilder(sendmail.get().toString(), "-t", "-oi")
              .redirectErrorStream(true)
              .start();
      // A sendmail that refuses the message may exit before reading it: its exit status and
      // words say more than the broken pipe.
      IOException writeFailed = null;
      try (OutputStream in = process.getOutputStream()) {
        in.write(message.toString().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        writeFailed = e;
      }
      byte[] output = process.getInputStream().readNBytes(4096);
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return Optional.of(sendmail.get() + " did not finish within " + TIMEOUT.toSeconds() + "s");
      }
      if (process.exitValue() != 0) {
        String said = new String(output, StandardCharsets.UTF_8).strip();
        return Optional.of(
            sendmail.get()
                + " exited with status "
                + process.exitValue()
                + (said.isEmpty() ? "" : ": " + said));
      }
      if (writeFailed != null) {
        return Optional.of(
            sendmail.get() + " did not read the whole message: " + writeFailed.getMessage());
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot run " + sendmail.get() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while sending");
    }
  }

  private Optional<Path> sendmail() {
    List<Path> candidates = new ArrayList<>();
    String path = environment.getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "sendmail"));
      }
    }
    candidates.addAll(USUAL_PLACES);
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** A header value in RFC 2047's encoded-word form when it is not plain ASCII. */
  static String encodedWord(String text) {
    String oneLine = text.replaceAll("[\\r\\n]+", " ");
    if (oneLine.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return oneLine;
    }
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(oneLine.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }
}
