package dev.hypernd.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One item of a task's output as {@code logs} reports it: a line the task's command (or one of its
 * hooks) wrote, or a count of lines that are not there, for one of three reasons.
 *
 * @param taskId the task
 * @param job the task's job
 * @param attempt the attempt that wrote it
 * @param hook {@code on_start}, {@code on_error}, {@code on_failure} or {@code on_success} for a
 *     hook's line, else {@code null}
 * @param stream {@code stdout} or {@code stderr}
 * @param at when the daemon read it
 * @param line the line, or {@code null} for a count
 * @param cutBytes bytes cut off a long line, or 0
 * @param suppressed lines the output rate limit left out of the log here, or 0
 * @param omitted lines the daemon logged but no longer holds here (the middle of a long output), or
 *     0
 */
public record OutputLineView(
    String taskId,
    String job,
    int attempt,
    String hook,
    String stream,
    Instant at,
    String line,
    long cutBytes,
    long suppressed,
    long omitted) {

  public OutputLineView {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(at, "at");
  }

  /** A marker for {@code omitted} lines of a task that are no longer held. */
  public static OutputLineView omitted(OutputLineView after, long omitted) {
    return new OutputLineView(
        after.taskId, after.job, after.attempt, null, after.stream, after.at, null, 0, 0, omitted);
  }

  /**
   * The protocol's object: {@code task_id}, {@code job}, {@code attempt}, {@code hook} (hook lines
   * only), {@code stream}, {@code at}, then {@code line} (with {@code cut_bytes} when cut), {@code
   * suppressed} or {@code omitted}; fields that do not apply are left out.
   */
  public Map<String, Object> toData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("task_id", taskId);
    data.put("job", job);
    data.put("attempt", attempt);
    if (hook != null) {
      data.put("hook", hook);
    }
    data.put("stream", stream);
    data.put("at", at.toString());
    if (line != null) {
      data.put("line", line);
      if (cutBytes > 0) {
        data.put("cut_bytes", cutBytes);
      }
    } else if (suppressed > 0) {
      data.put("suppressed", suppressed);
    } else {
      data.put("omitted", omitted);
    }
    return data;
  }
}
