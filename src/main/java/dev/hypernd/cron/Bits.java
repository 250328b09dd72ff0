package dev.hypernd.cron;

/** "Next set bit at or above" lookups on the masks that represent cron fields. */
final class Bits {
  private Bits() {}

  /** Lowest set bit of {@code mask} at position {@code from} or higher, or -1 if there is none. */
  static int next(int mask, int from) {
    // Java masks the shift distance, so -1 << 32 would keep every bit; guard it explicitly.
    if (from >= Integer.SIZE) {
      return -1;
    }
    int rest = mask & (-1 << from);
    return rest == 0 ? -1 : Integer.numberOfTrailingZeros(rest);
  }

  /** Lowest set bit of {@code mask} at position {@code from} or higher, or -1 if there is none. */
  static int next(long mask, int from) {
    if (from >= Long.SIZE) {
      return -1;
    }
    long rest = mask & (-1L << from);
    return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
  }
}
