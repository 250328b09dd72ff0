package dev.hypernd.cron;

import dev.hypernd.cron.ExpressionModel.Field;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generates cron expressions from the grammar ({@code *}, values, names in any case, ranges, {@code
 * x-0} in day-of-week, steps, lists) together with the values each field selects. Fields are mostly
 * {@code *} from day-of-month on, so most expressions fire within a day or two and can be checked
 * against the brute-force oracle; the rest are sparse on purpose.
 */
final class ExpressionArbitraries {
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

  /** Range and names of one field; names start at {@code min}. */
  private record Spec(int min, int max, List<String> names, boolean dayOfWeek) {}

  private static final Spec MINUTE = new Spec(0, 59, List.of(), false);
  private static final Spec HOUR = new Spec(0, 23, List.of(), false);
  private static final Spec DAY_OF_MONTH = new Spec(1, 31, List.of(), false);
  private static final Spec MONTH = new Spec(1, 12, MONTHS, false);
  private static final Spec DAY_OF_WEEK = new Spec(0, 7, DAYS, true);

  private record Value(int value, String text) {}

  private record Item(String text, long values) {}

  private ExpressionArbitraries() {}

  static Arbitrary<ExpressionModel> expressions() {
    return expressions(List.of(), List.of());
  }

  /** Expressions whose minute and hour fields often use the given values. */
  static Arbitrary<ExpressionModel> expressions(
      List<Integer> minuteHints, List<Integer> hourHints) {
    return Combinators.combine(
            field(MINUTE, 30, minuteHints),
            field(HOUR, 35, hourHints),
            field(DAY_OF_MONTH, 60, List.of()),
            field(MONTH, 70, List.of()),
            field(DAY_OF_WEEK, 60, List.of()))
        .as(ExpressionModel::new);
  }

  private static Arbitrary<Field> field(Spec spec, int starPercent, List<Integer> hints) {
    Arbitrary<Item> item = item(spec, hints);
    Arbitrary<List<Item>> items =
        Arbitraries.frequencyOf(
            Tuple.of(80, item.map(List::of)), Tuple.of(20, item.list().ofMinSize(2).ofMaxSize(3)));
    return Arbitraries.frequencyOf(
        Tuple.of(starPercent, Arbitraries.just(toField(spec, List.of(star(spec))))),
        Tuple.of(100 - starPercent, items.map(list -> toField(spec, list))));
  }

  private static Arbitrary<Item> item(Spec spec, List<Integer> hints) {
    int span = spec.max() - spec.min() + 1;
    Arbitrary<Integer> steps = Arbitraries.integers().between(1, span + 2);
    Arbitrary<Item> range =
        Combinators.combine(value(spec), value(spec))
            .as((a, b) -> a.value() <= b.value() ? range(a, b) : range(b, a));
    Arbitrary<Item> rangeStep = Combinators.combine(range, steps).as(ExpressionArbitraries::step);
    Arbitrary<Item> starStep = steps.map(s -> step(star(spec), s));
    Arbitrary<Item> single = value(spec).map(v -> new Item(v.text(), 1L << v.value()));
    var choices =
        new java.util.ArrayList<Tuple.Tuple2<Integer, Arbitrary<Item>>>(
            List.of(
                Tuple.of(5, Arbitraries.just(star(spec))),
                Tuple.of(25, starStep),
                Tuple.of(25, single),
                Tuple.of(20, range),
                Tuple.of(15, rangeStep)));
    if (spec.dayOfWeek()) {
      choices.add(Tuple.of(10, toSunday()));
    }
    if (!hints.isEmpty()) {
      Arbitrary<Item> hinted = Arbitraries.of(hints).map(v -> new Item(v.toString(), 1L << v));
      Arbitrary<Item> nearHint =
          Combinators.combine(Arbitraries.of(hints), Arbitraries.integers().between(1, 2))
              .as((v, width) -> rangeOfNumbers(v, Math.min(spec.max(), v + width)));
      choices.add(Tuple.of(60, hinted));
      choices.add(Tuple.of(20, nearHint));
    }
    return Arbitraries.frequencyOf(choices);
  }

  /** "x-0" or "x-sun": up to the Sunday that ends the week. */
  private static Arbitrary<Item> toSunday() {
    return Combinators.combine(
            value(DAY_OF_WEEK).filter(v -> v.value() >= 1 && v.value() <= 6),
            Arbitraries.of("0", "sun", "SUN"))
        .as((from, sunday) -> new Item(from.text() + "-" + sunday, bits(from.value(), 7, 1)));
  }

  private static Arbitrary<Value> value(Spec spec) {
    return Arbitraries.integers()
        .between(spec.min(), spec.max())
        .flatMap(
            v -> {
              int nameIndex = v - spec.min();
              if (nameIndex >= spec.names().size()) {
                return Arbitraries.just(new Value(v, Integer.toString(v)));
              }
              String name = spec.names().get(nameIndex);
              return Arbitraries.of(
                      Integer.toString(v),
                      name,
                      name.toUpperCase(Locale.ROOT),
                      Character.toUpperCase(name.charAt(0)) + name.substring(1))
                  .map(text -> new Value(v, text));
            });
  }

  private static Item star(Spec spec) {
    return new Item("*", bits(spec.min(), spec.max(), 1));
  }

  private static Item range(Value low, Value high) {
    return new Item(low.text() + "-" + high.text(), bits(low.value(), high.value(), 1));
  }

  private static Item rangeOfNumbers(int low, int high) {
    return new Item(low + "-" + high, bits(low, high, 1));
  }

  /** Adds "/step" to a star or range item; the values restart from the item's first value. */
  private static Item step(Item item, int step) {
    int low = Long.numberOfTrailingZeros(item.values());
    int high = 63 - Long.numberOfLeadingZeros(item.values());
    return new Item(item.text() + "/" + step, bits(low, high, step));
  }

  private static long bits(int low, int high, int step) {
    long values = 0;
    for (int v = low; v <= high; v += step) {
      values |= 1L << v;
    }
    return values;
  }

  private static Field toField(Spec spec, List<Item> items) {
    long values = 0;
    StringBuilder text = new StringBuilder();
    for (Item item : items) {
      values |= item.values();
      text.append(text.length() == 0 ? "" : ",").append(item.text());
    }
    if (spec.dayOfWeek() && (values & (1L << 7)) != 0) {
      values = (values & ~(1L << 7)) | 1L;
    }
    return new Field(text.toString(), values);
  }
}
