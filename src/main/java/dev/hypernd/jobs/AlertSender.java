package dev.hypernd.jobs;

import dev.hypernd.engine.TaskEvent;
import dev.hypernd.jobs.config.AlertConfig;
import dev.hypernd.jobs.config.AlertOn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a job's {@code alert}: the event JSON in a POST to its webhook, and a mail through the
 * host's {@code sendmail}. Alerts go out on a thread of their own with a bounded number waiting, so
 * a slow or dead endpoint never delays a task, a hook or the scheduler. A webhook is retried after
 * a connection failure, a 5xx or a 429; each outcome is logged as {@code alert.sent} or {@code
 * alert.failed} and changes nothing about the task.
 */
public final class AlertSender {
  private static final Logger log = LoggerFactory.getLogger(AlertSender.class);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5));
  static final int MAX_WAITING = 256;
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final HttpClient http;
  private final Mailer mailer;
  private final Map<String, String> environment;
  private final List<Duration> retryDelays;
  private final String userAgent;
  private final ScheduledThreadPoolExecutor pool;
  // Deliveries queued, running or waiting to retry: bounded, and what shutdown drains.
  private final AtomicInteger waiting = new AtomicInteger();
  private final Object drained = new Object();

  /**
   * @param environment the daemon's: {@code ${NAME}} in a header value and sendmail's PATH come
   *     from it
   * @param retryDelays the waits before the second, third … webhook attempt
   */
  AlertSender(Map<String, String> environment, List<Duration> retryDelays, String version) {
    this.environment = Map.copyOf(environment);
    this.retryDelays = List.copyOf(retryDelays);
    this.mailer = new Mailer(environment);
    this.userAgent = "hypernd/" + version;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(REQUEST_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    AtomicInteger count = new AtomicInteger();
    this.pool =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "hypernd-alert-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.setRemoveOnCancelPolicy(true);
  }

  /** Sends with the daemon's environment and the usual retry delays. */
  public static AlertSender standard(String version) {
    return new AlertSender(System.getenv(), RETRY_DELAYS, version);
  }

  /** The outcome an event is, for {@code alert.on}, or empty when no alert is about it. */
  static Optional<AlertOn> outcome(TaskEvent.Type type) {
    return switch (type) {
      case ERROR -> Optional.of(AlertOn.ERROR);
      case FAILED -> Optional.of(AlertOn.FAILURE);
      case COMPLETED -> Optional.of(AlertOn.SUCCESS);
      default -> Optional.empty();
    };
  }

  /** Queues what {@code alert} says to send for {@code event}, if anything. */
  void send(TaskEvent event, AlertConfig alert, String eventJson, String summary) {
    Optional<AlertOn> outcome = outcome(event.type());
    if (outcome.isEmpty() || !alert.on().contains(outcome.get())) {
      return;
    }
    alert
        .webhook()
        .ifPresent(url -> submit(event, "webhook", () -> webhook(event, alert, url, eventJson, 0)));
    alert
        .mail()
        .ifPresent(
            to -> submit(event, "mail", () -> mail(event, to, outcome.get(), eventJson, summary)));
  }

  private void submit(TaskEvent event, String channel, Runnable delivery) {
    if (waiting.incrementAndGet() > MAX_WAITING) {
      failed(event, channel, "not sent: " + MAX_WAITING + " alerts are already waiting");
      return;
    }
    schedule(event, channel, delivery, Duration.ZERO);
  }

  private void schedule(TaskEvent event, String channel, Runnable delivery, Duration delay) {
    try {
      pool.schedule(delivery, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      failed(event, channel, "not sent: hypernd is stopping");
    }
  }

  /** A delivery is over, sent or given up. */
  private void done() {
    if (waiting.decrementAndGet() == 0) {
      synchronized (drained) {
        drained.notifyAll();
      }
    }
  }

  private void webhook(TaskEvent event, AlertConfig alert, URI url, String json, int attempt) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", userAgent)
            .POST(HttpRequest.BodyPublishers.ofString(json));
    for (Map.Entry<String, String> header : alert.headers().entrySet()) {
      Optional<String> value = expand(header.getValue());
      if (value.isEmpty()) {
        failed(
            event,
            "webhook",
            "not sent: header "
                + header.getKey()
                + " names a variable that is not set in hypernd's environment");
        return;
      }
      request.header(header.getKey(), value.get());
    }
    String problem;
    boolean retryable;
    try {
      HttpResponse<Void> response =
          http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        sent(event, "webhook", url + " answered " + status);
        return;
      }
      problem = url + " answered " + status;
      retryable = status >= 500 || status == 429;
    } catch (IOException e) {
      problem =
          url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      retryable = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed(event, "webhook", url + ": interrupted (hypernd is stopping)");
      return;
    } catch (IllegalArgumentException e) {
      failed(event, "webhook", "not sent: " + e.getMessage());
      return;
    }
    if (retryable && attempt < retryDelays.size()) {
      Duration delay = retryDelays.get(attempt);
      log.debug("webhook alert of {} failed ({}), retrying in {}", event.job(), problem, delay);
      schedule(event, "webhook", () -> webhook(event, alert, url, json, attempt + 1), delay);
      return;
    }
    failed(event, "webhook", problem + " (attempt " + (attempt + 1) + ")");
  }

  private void mail(TaskEvent event, String to, AlertOn outcome, String json, String summary) {
    String subject = "hypernd: " + event.job() + " " + event.taskId() + " " + outcome.word();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Hypernd-Job", event.job());
    headers.put("X-Hypernd-Task", event.taskId());
    String body = summary + "\n\nThe event as hypernd logged it:\n" + json + "\n";
    Optional<String> problem = mailer.send(to, subject, body, headers);
    if (problem.isPresent()) {
      failed(event, "mail", problem.get());
    } else {
      sent(event, "mail", to);
    }
  }

  /** {@code ${NAME}} replaced by the environment's NAME; empty when one is not set. */
  Optional<String> expand(String value) {
    Matcher matcher = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement = environment.get(matcher.group(1));
      if (replacement == null) {
        return Optional.empty();
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return Optional.of(out.toString());
  }

  private void sent(TaskEvent event, String channel, String detail) {
    done();
    log.atInfo()
        .addKeyValue("event", "alert.sent")
        .addKeyValue("job", event.job())
        .addKeyValue("task_id", event.taskId())
        .addKeyValue("channel", channel)
        .log("alert of {} {} sent by {}: {}", event.job(), event.taskId(), channel, detail);
  }

  private void failed(TaskEvent event, String channel, String why) {
    done();
    log.atWarn()
        .addKeyValue("event", "alert.failed")
        .addKeyValue("job", event.job())
        .addKeyValue("task_id", event.taskId())
        .addKeyValue("channel", channel)
        .addKeyValue("error", why)
        .log("alert of {} {} by {} failed: {}", event.job(), event.taskId(), channel, why);
  }

  /** Lets waiting alerts go out for up to {@code drain}; then drops the rest. */
  boolean shutdown(Duration drain) throws InterruptedException {
    long deadline = System.nanoTime() + drain.toNanos();
    synchronized (drained) {
      for (long left = drain.toNanos(); waiting.get() > 0 && left > 0; ) {
        TimeUnit.NANOSECONDS.timedWait(drained, left);
        left = deadline - System.nanoTime();
      }
    }
    int dropped = waiting.get();
    pool.shutdownNow();
    if (dropped > 0) {
      log.warn("{} alerts not sent: hypernd stopped before they went out", dropped);
    }
    return dropped == 0 && pool.awaitTermination(5, TimeUnit.SECONDS);
  }
}
