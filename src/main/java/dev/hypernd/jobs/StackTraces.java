package dev.hypernd.jobs;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A Java job's stack trace for its result and its {@code task.error} line, in the form Java prints
 * ({@code Caused by:}, {@code ... N more}), but bounded: frames below the job's entry (hypernd's
 * own, which every job shares) are left out, each exception keeps its first {@link #HEAD_FRAMES}
 * and last {@link #TAIL_FRAMES} frames around a {@code … N frames omitted} line, at most {@link
 * #MAX_CAUSES} causes are followed, and the whole is cut at {@link #MAX_CHARS} characters.
 */
final class StackTraces {
  static final int HEAD_FRAMES = 10;
  static final int TAIL_FRAMES = 5;
  static final int MAX_CAUSES = 5;
  static final int MAX_CHARS = 8192;
  private static final int MAX_MESSAGE_CHARS = 500;

  private StackTraces() {}

  /**
   * @param entryClass the class whose frame, and every frame below it, is hypernd's and left out
   */
  static String bounded(Throwable error, String entryClass) {
    StringBuilder out = new StringBuilder();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    StackTraceElement[] enclosing = new StackTraceElement[0];
    Throwable current = error;
    for (int depth = 0; current != null && seen.add(current); depth++) {
      if (depth > MAX_CAUSES) {
        out.append("… more causes omitted\n");
        break;
      }
      StackTraceElement[] frames = current.getStackTrace();
      int entry = entryFrame(frames, entryClass);
      int own = Math.min(entry, frames.length - sharedFrames(frames, enclosing));
      out.append(depth == 0 ? "" : "Caused by: ").append(header(current)).append('\n');
      appendFrames(out, frames, own);
      if (entry > own) {
        out.append("\t... ").append(entry - own).append(" more\n");
      }
      enclosing = frames;
      current = current.getCause();
    }
    return cut(out);
  }

  /** Where hypernd's frames start: the first frame of the entry class, else the end. */
  private static int entryFrame(StackTraceElement[] frames, String entryClass) {
    for (int i = 0; i < frames.length; i++) {
      if (frames[i].getClassName().equals(entryClass)) {
        return i;
      }
    }
    return frames.length;
  }

  /** How many frames at the bottom {@code frames} shares with the enclosing exception's trace. */
  private static int sharedFrames(StackTraceElement[] frames, StackTraceElement[] enclosing) {
    int shared = 0;
    while (shared < frames.length
        && shared < enclosing.length
        && frames[frames.length - 1 - shared].equals(enclosing[enclosing.length - 1 - shared])) {
      shared++;
    }
    return shared;
  }

  private static void appendFrames(StringBuilder out, StackTraceElement[] frames, int count) {
    if (count <= HEAD_FRAMES + TAIL_FRAMES) {
      for (int i = 0; i < count; i++) {
        out.append("\tat ").append(frames[i]).append('\n');
      }
      return;
    }
    for (int i = 0; i < HEAD_FRAMES; i++) {
      out.append("\tat ").append(frames[i]).append('\n');
    }
    out.append("\t… ").append(count - HEAD_FRAMES - TAIL_FRAMES).append(" frames omitted\n");
    for (int i = count - TAIL_FRAMES; i < count; i++) {
      out.append("\tat ").append(frames[i]).append('\n');
    }
  }

  private static String header(Throwable error) {
    String text = error.toString();
    return text.length() <= MAX_MESSAGE_CHARS
        ? text.replace('\n', ' ')
        : TaskEventFields.abbreviate(text, MAX_MESSAGE_CHARS).replace('\n', ' ');
  }

  private static String cut(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
      out.setLength(out.length() - 1);
    }
    if (out.length() <= MAX_CHARS) {
      return out.toString();
    }
    int end = MAX_CHARS;
    if (Character.isHighSurrogate(out.charAt(end - 1))) {
      end--;
    }
    return out.substring(0, end) + "\n… " + (out.length() - end) + " characters omitted";
  }
}
