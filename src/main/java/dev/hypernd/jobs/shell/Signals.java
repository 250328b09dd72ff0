package dev.hypernd.jobs.shell;

import java.util.List;
import java.util.OptionalInt;

/**
 * Names of the standard Linux signals and the exit values by which Java reports them.
 *
 * <p>On Linux, {@link Process#exitValue()} of a child killed by signal N is 128 + N, the same value
 * a shell reports in {@code $?} and the same value a process returns with {@code exit(128 + N)}:
 * Java offers no way to tell these apart.
 */
final class Signals {
  // Numbering of x86-64 and arm64 (signal(7)), from 1.
  private static final List<String> NAMES =
      List.of(
          ("HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT"
                  + " STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO PWR SYS")
              .split(" "));

  private Signals() {}

  /** The signal whose death Java reports as {@code exitValue}, if it is a standard signal. */
  static OptionalInt fromExitValue(int exitValue) {
    int signal = exitValue - 128;
    return signal >= 1 && signal <= NAMES.size() ? OptionalInt.of(signal) : OptionalInt.empty();
  }

  /** {@code SIGKILL} for 9; {@code SIG34} for a number without a standard name. */
  static String name(int signal) {
    return "SIG" + (signal >= 1 && signal <= NAMES.size() ? NAMES.get(signal - 1) : signal);
  }
}
