package dev.hypernd.jobs.shell;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What becomes of one process's output besides its bounded capture: each line goes to an {@link
 * OutputSink}, cut at {@link OutputLimits#maxLineBytes()} and rate-limited for stdout and stderr
 * together. Make one per process (each attempt and each hook run): the rate limit is its own.
 */
public final class OutputLines {
  private static final OutputLines DISCARD = new OutputLines(null, null, null);

  private final OutputSink sink;
  private final OutputLimits limits;
  private final LongSupplier nanoTime;
  private final LineBudget budget;

  private OutputLines(OutputSink sink, OutputLimits limits, LongSupplier nanoTime) {
    this.sink = sink;
    this.limits = limits;
    this.nanoTime = nanoTime;
    this.budget = sink == null ? null : new LineBudget(limits, nanoTime.getAsLong());
  }

  /** Lines to {@code sink} within {@code limits}, timed by the monotonic clock. */
  public static OutputLines to(OutputSink sink, OutputLimits limits) {
    return to(sink, limits, System::nanoTime);
  }

  static OutputLines to(OutputSink sink, OutputLimits limits, LongSupplier nanoTime) {
    return new OutputLines(
        requireNonNull(sink, "sink cannot be null"),
        requireNonNull(limits, "limits cannot be null"),
        requireNonNull(nanoTime, "nanoTime cannot be null"));
  }

  /** No lines: the output is only captured. */
  public static OutputLines discard() {
    return DISCARD;
  }

  /** The splitter of one stream, sharing this process's rate limit; empty when discarding. */
  Optional<LineSplitter> splitter(StdStream stream) {
    return sink == null
        ? Optional.empty()
        : Optional.of(new LineSplitter(stream, sink, budget, limits.maxLineBytes(), nanoTime));
  }
}
