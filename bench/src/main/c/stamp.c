/* Prints CLOCK_MONOTONIC in nanoseconds, the clock behind Java's System.nanoTime() on Linux,
 * as the first thing main() does: the moment the child is running its own code. Built static by
 * bench/run.sh so that no dynamic loader runs before main(). */
#include <stdio.h>
#include <time.h>

int main(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  printf("%lld\n", (long long) ts.tv_sec * 1000000000LL + ts.tv_nsec);
  return 0;
}
