package dev.hypernd.jobs.config;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The YAML parser's events, refused past a nesting depth. snakeyaml-engine's parser keeps its own
 * stack, but its composer recurses once per level, so 2,000 nested brackets (4 KB) overflowed the
 * thread's stack; its settings have no depth limit, so the composer reads through this instead.
 */
final class NestingLimit implements Parser {
  /** Lists and mappings nest deeper than the limit; thrown before the composer recurses again. */
  static final class TooDeep extends RuntimeException {
    private final transient Optional<Mark> mark;

    TooDeep(Optional<Mark> mark) {
      super(null, null, false, false);
      this.mark = mark;
    }

    Optional<Mark> mark() {
      return mark;
    }
  }

  private final Parser parser;
  private final int maxDepth;
  private int depth;

  NestingLimit(Parser parser, int maxDepth) {
    this.parser = parser;
    this.maxDepth = maxDepth;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return parser.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  @Override
  public Event next() {
    Event event = parser.next();
    switch (event.getEventId()) {
      case MappingStart, SequenceStart -> {
        if (++depth > maxDepth) {
          throw new TooDeep(event.getStartMark());
        }
      }
      case MappingEnd, SequenceEnd -> depth--;
      default -> {
        // Scalars, aliases and document markers do not nest.
      }
    }
    return event;
  }
}
